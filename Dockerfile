# syntax=docker/dockerfile:1
# Multi-stage build of the kinerja server: a static, cgo-free binary (the embedded SQLite
# driver is pure Go) on a distroless base that runs as a non-root user.
#   docker build -t kinerja .
#   docker run --rm -p 8080:8080 -e DATABASE_URL=... -e KINERJA_JWT_SECRET=... kinerja

FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0
# Dependencies first, so that editing the code does not invalidate this layer.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags="-s -w" -o /kinerja ./cmd/kinerja

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /kinerja /kinerja
# The nonroot user's home is writable: a relative SQLite path (no DATABASE_URL) lands here.
WORKDIR /home/nonroot
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/kinerja"]
CMD ["serve"]

package api

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/kinerja-id/kinerja"
)

// Redoc (MIT, see docs/REDOC-LICENSE) is embedded because many pemda networks have
// no internet access.
//
//go:embed docs/redoc.standalone.js
var redocJS []byte

const docsPage = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kinerja API</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="/openapi.yaml" hide-download-button="false"></redoc>
<script src="/docs/redoc.standalone.js"></script>
</body>
</html>
`

func serveSpec(c echo.Context) error {
	return c.Blob(http.StatusOK, "application/yaml", kinerja.OpenAPI)
}

func serveDocs(c echo.Context) error {
	return c.HTML(http.StatusOK, docsPage)
}

func serveRedoc(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=86400")
	return c.Blob(http.StatusOK, "application/javascript", redocJS)
}

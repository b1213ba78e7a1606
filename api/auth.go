package api

import (
	"context"
	"strings"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/service"
)

type addressKey struct{}

// address is the client address the rate limiter keys on.
func address(ctx context.Context) string {
	s, _ := ctx.Value(addressKey{}).(string)
	return s
}

// Login implements POST /api/v1/auth/login.
func (h *Handler) Login(ctx context.Context, r apigen.LoginRequestObject) (apigen.LoginResponseObject, error) {
	p, err := h.Auth.Login(ctx, r.Body.Username, r.Body.Password, address(ctx))
	if err != nil {
		return nil, err
	}
	return apigen.Login200JSONResponse(toAPITokenPair(p)), nil
}

// RefreshToken implements POST /api/v1/auth/refresh.
func (h *Handler) RefreshToken(ctx context.Context, r apigen.RefreshTokenRequestObject) (apigen.RefreshTokenResponseObject, error) {
	p, err := h.Auth.Refresh(ctx, r.Body.RefreshToken)
	if err != nil {
		return nil, err
	}
	return apigen.RefreshToken200JSONResponse(toAPITokenPair(p)), nil
}

// Logout implements POST /api/v1/auth/logout.
func (h *Handler) Logout(ctx context.Context, r apigen.LogoutRequestObject) (apigen.LogoutResponseObject, error) {
	if err := h.Auth.Logout(ctx, r.Body.RefreshToken); err != nil {
		return nil, err
	}
	return apigen.Logout204Response{}, nil
}

// ClientToken implements POST /api/v1/auth/token.
func (h *Handler) ClientToken(ctx context.Context, r apigen.ClientTokenRequestObject) (apigen.ClientTokenResponseObject, error) {
	tok, scopes, err := h.Auth.ClientToken(ctx, r.Body.ClientId, r.Body.ClientSecret, address(ctx))
	if err != nil {
		return nil, err
	}
	return apigen.ClientToken200JSONResponse{AccessToken: tok, TokenType: apigen.ClientTokenTokenTypeBearer,
		ExpiresIn: int(h.Auth.Cfg.AccessTTL.Seconds()), Scope: strings.Join(scopes, " ")}, nil
}

// ChangeMyPassword implements POST /api/v1/me/password.
func (h *Handler) ChangeMyPassword(ctx context.Context, r apigen.ChangeMyPasswordRequestObject) (apigen.ChangeMyPasswordResponseObject, error) {
	if err := h.Auth.ChangePassword(ctx, r.Body.PasswordLama, r.Body.PasswordBaru); err != nil {
		return nil, err
	}
	return apigen.ChangeMyPassword204Response{}, nil
}

func toAPITokenPair(p service.TokenPair) apigen.TokenPair {
	return apigen.TokenPair{AccessToken: p.AccessToken, TokenType: apigen.TokenPairTokenTypeBearer,
		ExpiresIn: int(p.AccessTTL.Seconds()), RefreshToken: p.RefreshToken, RefreshExpiresIn: int(p.RefreshTTL.Seconds())}
}

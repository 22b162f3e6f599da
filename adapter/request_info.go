package adapter

import (
	"github.com/labstack/echo/v4"

	"im1fhir/conformance"
	"im1fhir/source"
)

// requestInfo is what the GP Connect pipeline learns about a request, kept
// on the Echo context for handlers and the request log.
type requestInfo struct {
	interaction *conformance.Interaction
	consumer    string // Ssp-From ASID
	traceID     string // Ssp-TraceID
	claims      *gpcClaims
	directory   *source.Directory
}

const requestInfoKey = "im1fhir.request"

func requestInfoFrom(c echo.Context) *requestInfo {
	if ri, ok := c.Get(requestInfoKey).(*requestInfo); ok {
		return ri
	}
	ri := &requestInfo{}
	c.Set(requestInfoKey, ri)
	return ri
}

func (ri *requestInfo) interactionID() string {
	if ri.interaction == nil {
		return ""
	}
	return ri.interaction.ID
}

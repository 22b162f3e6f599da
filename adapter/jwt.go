package adapter

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	jsoniter "github.com/json-iterator/go"
	"github.com/labstack/echo/v4"
	"github.com/samber/lo"

	"im1fhir/conformance"
)

// gpcClaims is the GP Connect JWT payload, held raw so each claim's
// presence, JSON type and (for the FHIR resources) validity can be checked
// exactly as the specification and the assurance suite require.
type gpcClaims struct {
	Iss          json.RawMessage `json:"iss"`
	Sub          json.RawMessage `json:"sub"`
	Aud          json.RawMessage `json:"aud"`
	Exp          json.RawMessage `json:"exp"`
	Iat          json.RawMessage `json:"iat"`
	Reason       json.RawMessage `json:"reason_for_request"`
	Scope        json.RawMessage `json:"requested_scope"`
	Device       json.RawMessage `json:"requesting_device"`
	Organization json.RawMessage `json:"requesting_organization"`
	Practitioner json.RawMessage `json:"requesting_practitioner"`

	// Filled in by check.
	scope        conformance.Scope
	confidential []string
	odsCode      string
}

// claimsJSON decodes the payload: json-iterator in its encoding/json
// compatible mode is about three times faster here, and the JWT is decoded on
// every request.
var claimsJSON = jsoniter.ConfigCompatibleWithStandardLibrary

// UnmarshalJSON decodes the payload with json-iterator.
func (c *gpcClaims) UnmarshalJSON(b []byte) error {
	type raw gpcClaims // no methods: no recursion
	return claimsJSON.Unmarshal(b, (*raw)(c))
}

// jwtChecker validates GP Connect's unsigned JWTs (gpconnect.md §2).
type jwtChecker struct {
	now    func() time.Time
	parser *jwt.Parser
	fhir   *jsonformat.Unmarshaller
	// valid caches the verdict on each embedded FHIR resource by content
	// hash: consumers send the same device, organisation and practitioner
	// on every request, and the validating parse costs ~100 µs each.
	mu    sync.RWMutex
	valid map[[sha256.Size]byte]resourceFacts
}

const maxCachedClaims = 4096

func newJWTChecker(now func() time.Time) (*jwtChecker, error) {
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.STU3)
	if err != nil {
		return nil, err
	}
	return &jwtChecker{now: now, parser: jwt.NewParser(jwt.WithStrictDecoding()), fhir: u,
		valid: map[[sha256.Size]byte]resourceFacts{}}, nil
}

// requireJWT decodes the bearer token and enforces every claim rule and the
// scope of the identified interaction.
func (s *Server) requireJWT(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ri := requestInfoFrom(c)
		claims, err := s.jwt.check(c.Request().Header, ri.interaction)
		if err != nil {
			return err
		}
		ri.claims = claims
		return next(c)
	}
}

func badJWT(format string, args ...any) *conformance.Error {
	return conformance.Errorf(conformance.BadRequest, "JWT: "+format, args...)
}

func (jc *jwtChecker) check(h http.Header, in *conformance.Interaction) (*gpcClaims, error) {
	token, err := bearerToken(h)
	if err != nil {
		return nil, err
	}
	claims, err := jc.decode(token)
	if err != nil {
		return nil, err
	}
	if err := jc.checkTimes(claims); err != nil {
		return nil, err
	}
	if err := checkStrings(claims, in); err != nil {
		return nil, err
	}
	if err := jc.checkResources(claims); err != nil {
		return nil, err
	}
	if claims.scope != in.Scope {
		return nil, badJWT("requested_scope %s does not fit interaction %s (needs %s)", claims.scope, in.ID, in.Scope)
	}
	return claims, nil
}

// decode splits an unsigned GP Connect token and decodes its header and
// payload. golang-jwt's DecodeSegment applies the strict base64url rules;
// the JSON goes straight to json-iterator, because the library's
// ParseUnverified runs encoding/json over the payload twice before any
// custom decoder sees it — over half the cost of every request's JWT check.
// Signed tokens (direct consumers) go through the library's full Parse.
func (jc *jwtChecker) decode(token string) (*gpcClaims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, badJWT("not a well-formed JWT: want 3 dot-separated parts, got %d", len(parts))
	}
	hb, err := jc.parser.DecodeSegment(parts[0])
	if err != nil {
		return nil, badJWT("header is not base64url")
	}
	var hdr map[string]any
	if err := claimsJSON.Unmarshal(hb, &hdr); err != nil || hdr == nil {
		return nil, badJWT("header is not a JSON object")
	}
	if err := checkHeader(hdr, parts); err != nil {
		return nil, err
	}
	pb, err := jc.parser.DecodeSegment(parts[1])
	if err != nil {
		return nil, badJWT("payload is not base64url")
	}
	claims := &gpcClaims{}
	if err := claims.UnmarshalJSON(pb); err != nil { // the compatible config validates raw values and rejects trailing bytes
		return nil, badJWT("payload is not a JSON object")
	}
	return claims, nil
}

func bearerToken(h http.Header) (string, error) {
	vals := h.Values("Authorization")
	if len(vals) == 0 || strings.TrimSpace(vals[0]) == "" {
		return "", badJWT("Authorization header missing")
	}
	if len(vals) > 1 {
		return "", badJWT("Authorization header sent more than once")
	}
	scheme, token, ok := strings.Cut(strings.TrimSpace(vals[0]), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", badJWT("Authorization must be 'Bearer <token>'")
	}
	return strings.TrimSpace(token), nil
}

// checkHeader: GP Connect tokens are unsigned — {"alg":"none","typ":"JWT"}
// and an empty signature — and carry no other header keys.
func checkHeader(hdr map[string]any, parts []string) error {
	if extra := lo.Without(lo.Keys(hdr), "alg", "typ"); len(extra) > 0 {
		return badJWT("unexpected header key %q", extra[0])
	}
	if alg, _ := hdr["alg"].(string); alg != "none" {
		return badJWT("alg must be \"none\"")
	}
	if typ, _ := hdr["typ"].(string); !strings.EqualFold(typ, "JWT") {
		return badJWT("typ must be \"JWT\"")
	}
	if len(parts) != 3 || parts[2] != "" {
		return badJWT("an unsigned token must have an empty signature")
	}
	return nil
}

func (jc *jwtChecker) checkTimes(cl *gpcClaims) error {
	exp, err := intClaim("exp", cl.Exp)
	if err != nil {
		return err
	}
	iat, err := intClaim("iat", cl.Iat)
	if err != nil {
		return err
	}
	if exp-iat != 300 {
		return badJWT("exp must be exactly iat + 300 seconds (got %+d)", exp-iat)
	}
	// A future iat is accepted: the assurance suite requires it (issue #188).
	if now := jc.now().Unix(); exp <= now {
		return badJWT("token expired %d seconds ago", now-exp)
	}
	return nil
}

func intClaim(name string, raw json.RawMessage) (int64, error) {
	if isAbsent(raw) {
		return 0, badJWT("claim %s missing", name)
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		return 0, badJWT("claim %s must be an integer number of seconds", name)
	}
	return n, nil
}

func isAbsent(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }

func stringClaim(name string, raw json.RawMessage) (string, error) {
	if isAbsent(raw) {
		return "", badJWT("claim %s missing", name)
	}
	s, ok := jsonString(raw)
	if !ok || strings.TrimSpace(s) == "" {
		return "", badJWT("claim %s must be a non-empty string", name)
	}
	return s, nil
}

// jsonString decodes a JSON string value. Without escapes the bytes between
// the quotes are the string (the payload was already validated as JSON), so
// the common case needs no decoder.
func jsonString(raw json.RawMessage) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), true
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err == nil
}

func checkStrings(cl *gpcClaims, in *conformance.Interaction) error {
	if _, err := stringClaim("iss", cl.Iss); err != nil {
		return err
	}
	if _, err := stringClaim("sub", cl.Sub); err != nil {
		return err
	}
	// aud: presence only — the suite sends a legacy value (gpconnect.md §9.1).
	if isAbsent(cl.Aud) || string(cl.Aud) == `""` || string(cl.Aud) == "[]" {
		return badJWT("claim aud missing")
	}
	reason, err := stringClaim("reason_for_request", cl.Reason)
	if err != nil {
		return err
	}
	want := in.Reason
	if want == "" {
		want = "directcare"
	}
	if reason != want {
		return badJWT("reason_for_request must be %q for this interaction", want)
	}
	scope, err := stringClaim("requested_scope", cl.Scope)
	if err != nil {
		return err
	}
	return parseScope(cl, scope)
}

// parseScope reads "patient/*.read" optionally followed by conf/N or conf/R.
func parseScope(cl *gpcClaims, s string) error {
	fields := strings.Fields(s)
	if !conformance.KnownScope(conformance.Scope(fields[0])) {
		return badJWT("requested_scope %q is not a GP Connect scope", fields[0])
	}
	cl.scope = conformance.Scope(fields[0])
	for _, f := range fields[1:] {
		if f != "conf/N" && f != "conf/R" {
			return badJWT("requested_scope element %q is not recognised", f)
		}
		cl.confidential = append(cl.confidential, f)
	}
	return nil
}

func invalidClaimResource(claim string, err error) *conformance.Error {
	return conformance.Errorf(conformance.InvalidResource, "JWT: claim %s is not a valid FHIR STU3 resource: %v", claim, err)
}

// checkResources validates the three embedded FHIR resources. A missing
// claim is 400; a claim that is not a valid resource of the right type is
// 422 INVALID_RESOURCE (gpconnect.md §9.4).
func (jc *jwtChecker) checkResources(cl *gpcClaims) error {
	claims := []struct {
		name, typ string
		raw       json.RawMessage
	}{{"requesting_device", "Device", cl.Device}, {"requesting_organization", "Organization", cl.Organization},
		{"requesting_practitioner", "Practitioner", cl.Practitioner}}
	for _, r := range claims {
		if isAbsent(r.raw) {
			return badJWT("claim %s missing", r.name)
		}
	}
	var facts [3]resourceFacts
	for i, r := range claims {
		facts[i] = jc.resource(r.typ, r.raw)
		if facts[i].err != nil {
			return invalidClaimResource(r.name, facts[i].err)
		}
	}
	org, pr := facts[1], facts[2]
	if sub, _ := stringClaim("sub", cl.Sub); pr.id != sub {
		return badJWT("sub must equal requesting_practitioner.id")
	}
	cl.odsCode = org.odsCode
	return nil
}

// resourceFacts is the verdict on one embedded resource and what the
// checks need from it, cached together by content hash.
type resourceFacts struct {
	err     error
	id      string // Practitioner.id
	odsCode string // Organization's ODS code
}

func (jc *jwtChecker) resource(typ string, raw json.RawMessage) resourceFacts {
	key := sha256.Sum256(append([]byte(typ+"\x00"), raw...))
	jc.mu.RLock()
	f, hit := jc.valid[key]
	jc.mu.RUnlock()
	if hit {
		return f
	}
	f = jc.examine(typ, raw)
	jc.mu.Lock()
	if len(jc.valid) >= maxCachedClaims {
		clear(jc.valid) // bounded: a flood of distinct claims cannot grow memory
	}
	jc.valid[key] = f
	jc.mu.Unlock()
	return f
}

// examine parses the resource with the validating STU3 parser, then reads
// the identifiers GP Connect requires of it.
func (jc *jwtChecker) examine(typ string, raw json.RawMessage) resourceFacts {
	if err := jc.parseResource(typ, raw); err != nil {
		return resourceFacts{err: err}
	}
	type identifier struct{ System, Value string }
	var r struct {
		ID         string `json:"id"`
		Identifier []identifier
	}
	_ = json.Unmarshal(raw, &r) // the validating parse above succeeded
	find := func(system string) string {
		id, _ := lo.Find(r.Identifier, func(id identifier) bool { return id.System == system && id.Value != "" })
		return id.Value
	}
	switch typ {
	case "Practitioner":
		if find("https://fhir.nhs.uk/Id/sds-user-id") == "" {
			return resourceFacts{err: fmt.Errorf("no https://fhir.nhs.uk/Id/sds-user-id identifier (use UNK when unknown)")}
		}
		return resourceFacts{id: r.ID}
	case "Organization":
		ods := find("https://fhir.nhs.uk/Id/ods-organization-code")
		if ods == "" {
			return resourceFacts{err: fmt.Errorf("no https://fhir.nhs.uk/Id/ods-organization-code identifier")}
		}
		return resourceFacts{odsCode: ods}
	}
	return resourceFacts{}
}

func (jc *jwtChecker) parseResource(typ string, raw json.RawMessage) error {
	cr, err := jc.fhir.UnmarshalR3(raw)
	if err != nil {
		return err
	}
	ok := false
	switch typ {
	case "Device":
		ok = cr.GetDevice() != nil
	case "Organization":
		ok = cr.GetOrganization() != nil
	case "Practitioner":
		ok = cr.GetPractitioner() != nil
	}
	if !ok {
		return fmt.Errorf("resourceType must be %s", typ)
	}
	return nil
}

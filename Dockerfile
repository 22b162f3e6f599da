# Build: docker build -t im1fhir .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/im1fhir ./cmd/im1fhir

# distroless static: no shell, runs as nonroot. zoneinfo is copied from the
# build stage so Europe/London resolves (slot times are UK local time).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/im1fhir /im1fhir
USER nonroot:nonroot
EXPOSE 8080 8081
ENTRYPOINT ["/im1fhir"]
CMD ["serve", "--addr", "0.0.0.0:8080"]

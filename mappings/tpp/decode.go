package tpp

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// maxRecordBytes bounds what a decoder reads. Real SystmOne records are tens
// of kilobytes to a few megabytes (attachments are references, not content);
// anything far bigger is refused rather than buffered.
const maxRecordBytes = 16 << 20

var errTooLarge = fmt.Errorf("record exceeds %d bytes", maxRecordBytes)

// limitedReader fails, rather than truncating silently, once more than n
// bytes have been read.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// decodeRoot reads the document's root element into the type its name
// selects: PatientRecord, or (when acceptResponse) a Client Integration
// ClientIntegrationResponse. Any other root is an error.
func decodeRoot(r io.Reader, acceptResponse bool) (*PatientRecord, *ClientIntegrationResponse, error) {
	d := xml.NewDecoder(&limitedReader{r: r, n: maxRecordBytes})
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil, errors.New("no root element")
			}
			return nil, nil, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case start.Name.Local == "PatientRecord" && start.Name.Space == "":
			var pr PatientRecord
			if err := d.DecodeElement(&pr, &start); err != nil {
				return nil, nil, err
			}
			return &pr, nil, nil
		case acceptResponse && start.Name.Local == "ClientIntegrationResponse" && start.Name.Space == "":
			var resp ClientIntegrationResponse
			if err := d.DecodeElement(&resp, &start); err != nil {
				return nil, nil, err
			}
			return nil, &resp, nil
		}
		name := start.Name.Local
		if len(name) > 64 {
			name = name[:64]
		}
		return nil, nil, fmt.Errorf("unexpected root element %q", name)
	}
}

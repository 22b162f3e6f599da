package rf2

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxLineBytes bounds one RF2 line. Terms may reach 4,096 characters (UTF-8,
// so up to 16 KiB) plus the other columns; 1 MiB leaves room without letting
// a corrupt file exhaust memory.
const MaxLineBytes = 1 << 20

// SplitLine splits one RF2 line into its tab-separated columns, dropping a
// trailing CR (real releases use CRLF). It fails when the count differs
// from want (want < 0 accepts any count).
func SplitLine(line []byte, want int) ([]string, error) {
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	n := bytes.Count(line, []byte{'\t'}) + 1
	if want >= 0 && n != want {
		return nil, fmt.Errorf("rf2: %d columns, want %d", n, want)
	}
	cols := make([]string, 0, n)
	for {
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			cols = append(cols, string(line))
			return cols, nil
		}
		cols = append(cols, string(line[:i]))
		line = line[i+1:]
	}
}

// ReadRows reads a header row and then every row of an RF2 file, calling fn
// with the columns. Every row must have as many columns as the header; blank
// lines (a final newline, a trailing CRLF) are skipped.
func ReadRows(r io.Reader, fn func(cols []string) error) (header []string, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	lineNo := 0
	for {
		line, err := readLine(br)
		if errors.Is(err, io.EOF) && len(line) == 0 {
			if header == nil {
				return nil, errors.New("rf2: empty file (no header row)")
			}
			return header, nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return header, fmt.Errorf("rf2: line %d: %w", lineNo+1, err)
		}
		lineNo++
		trimmed := bytes.TrimRight(line, "\r\n")
		if len(trimmed) == 0 {
			continue
		}
		if header == nil {
			header, _ = SplitLine(trimmed, -1)
			continue
		}
		cols, serr := SplitLine(trimmed, len(header))
		if serr != nil {
			return header, fmt.Errorf("line %d: %w", lineNo, serr)
		}
		if ferr := fn(cols); ferr != nil {
			return header, fmt.Errorf("line %d: %w", lineNo, ferr)
		}
	}
}

func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		buf = append(buf, chunk...)
		if len(buf) > MaxLineBytes {
			return nil, fmt.Errorf("line longer than %d bytes", MaxLineBytes)
		}
		if err != nil {
			if len(buf) > 0 && errors.Is(err, io.EOF) {
				return buf, nil
			}
			return buf, err
		}
		if !isPrefix {
			return buf, nil
		}
	}
}

package telemetry

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	return s.b.Write(p)
}

func (s *syncBuffer) String() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String(), s.writes
}

func TestBufferedWriter(t *testing.T) {
	var out syncBuffer
	w := NewBufferedWriter(&out, 20*time.Millisecond)
	for i := 0; i < 100; i++ {
		w.Write([]byte("line\n"))
	}
	if s, _ := out.String(); s != "" {
		t.Fatalf("written before a flush: %q", s)
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		s, writes := out.String()
		if strings.Count(s, "line\n") == 100 {
			if writes != 1 {
				t.Errorf("100 lines took %d writes, want 1", writes)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not flushed by the ticker: %q", s)
		}
		time.Sleep(5 * time.Millisecond)
	}
	w.Write([]byte("last\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if s, _ := out.String(); !strings.HasSuffix(s, "last\n") {
		t.Errorf("Close did not flush: %q", s)
	}
	big := bytes.Repeat([]byte("x"), 70<<10)
	var out2 syncBuffer
	w2 := NewBufferedWriter(&out2, time.Hour)
	w2.Write([]byte("a\n"))
	w2.Write(big)
	w2.Close()
	if s, _ := out2.String(); len(s) != 2+len(big) {
		t.Errorf("oversized record lost: %d bytes", len(s))
	}
}

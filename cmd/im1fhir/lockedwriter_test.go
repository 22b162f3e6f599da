package main

import (
	"io"
	"sync"
)

// lockedWriter serialises writes from the server's goroutines into a buffer
// the test reads afterwards.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

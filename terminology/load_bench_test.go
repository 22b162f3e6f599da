package terminology

import (
	"context"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// BenchmarkLoadSnapshot loads a synthetic RF2 snapshot the size of a real
// edition (about 1,000,000 descriptions, see synthrelease_test.go) with the
// real loader, from an in-memory file system so disk speed is not measured.
// It reports, per million descriptions:
//
//	s/Mdesc        wall time of LoadDir (parse, index, publish)
//	MB/Mdesc       heap in use by the loaded release after a GC (what a
//	               replica keeps resident), input files excluded
//	peak-MB/Mdesc  highest live-plus-garbage heap seen while loading, above
//	               the level before the load (the headroom a container needs)
//
// The 100k size shows whether cost grows linearly. Run it on its own:
//
//	go test -run '^$' -bench BenchmarkLoadSnapshot -benchtime 1x ./terminology
func BenchmarkLoadSnapshot(b *testing.B) {
	for _, size := range []struct {
		name     string
		concepts int
	}{{"desc=100k", 40_000}, {"desc=1M", 400_000}} {
		b.Run(size.name, func(b *testing.B) {
			runtime.GC()
			before := heapInUse()
			fsys, descN := syntheticSnapshot(size.concepts)
			runtime.GC()
			withInput := heapInUse()
			mdesc := float64(descN) / 1e6

			peak := newHeapPeak()
			var last *Service
			iters := 0
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				s := NewService(Config{Logger: quiet})
				if _, err := s.LoadDir(context.Background(), fsys); err != nil {
					b.Fatal(err)
				}
				last = s
				iters++
			}
			b.StopTimer()
			peakBytes := peak.stop()
			elapsed := b.Elapsed()

			// The loaded release must answer, or the figures mean nothing.
			r, err := last.Lookup(context.Background(), LookupRequest{System: SystemSNOMED, Code: synthConceptID(size.concepts - 1)})
			if err != nil || r.Display == "" {
				b.Fatalf("look-up after load: %v %+v", err, r)
			}
			fsys = nil
			runtime.GC()
			retained := heapInUse() - before
			runtime.KeepAlive(last)

			b.ReportMetric(elapsed.Seconds()/float64(iters)/mdesc, "s/Mdesc")
			b.ReportMetric(float64(retained)/1e6/mdesc, "MB/Mdesc")
			b.ReportMetric(float64(peakBytes-withInput)/1e6/mdesc, "peak-MB/Mdesc")
			b.ReportMetric(float64(descN), "desc")
			b.Logf("%d concepts, %d descriptions: load %s, retained heap %.0f MB, input files %.0f MB",
				size.concepts, descN, (elapsed / time.Duration(iters)).Round(time.Millisecond),
				float64(retained)/1e6, float64(withInput-before)/1e6)
		})
	}
}

// heapInUse is the bytes of heap spans in use (runtime.MemStats.HeapInuse).
func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// heapPeak samples the heap while a load runs. runtime/metrics is read
// rather than ReadMemStats, which stops the world on every sample.
type heapPeak struct {
	done chan struct{}
	wg   sync.WaitGroup
	max  uint64
}

func newHeapPeak() *heapPeak {
	p := &heapPeak{done: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64() + sample[1].Value.Uint64(); v > p.max {
			p.max = v // objects + unused = HeapInuse, comparable with heapInUse
		}
	}
	read()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				read()
				return
			case <-t.C:
				read()
			}
		}
	}()
	return p
}

func (p *heapPeak) stop() uint64 {
	close(p.done)
	p.wg.Wait()
	return p.max
}

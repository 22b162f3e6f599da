package gpconnect

import (
	"bytes"
	"sync"
	"testing"

	"google.golang.org/protobuf/proto"
)

// TestRendererConcurrent shares one Renderer between goroutines that each
// render their own fresh messages, as the adapter does. Run with -race.
func TestRendererConcurrent(t *testing.T) {
	r := mustRenderer(t)
	pr := richPractice()
	want, err := r.JSON(foundationsBundle(pr))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got, err := r.JSON(foundationsBundle(pr))
				if err != nil {
					errs <- err.Error()
					return
				}
				if !bytes.Equal(got, want) {
					errs <- "concurrent render differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestJSONCopyLeavesInputAlone: a shared message rendered through JSONCopy
// from several goroutines is neither changed nor raced on.
func TestJSONCopyLeavesInputAlone(t *testing.T) {
	r := mustRenderer(t)
	pr := richPractice()
	shared := foundationsBundle(pr)
	before := proto.Clone(shared)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.JSONCopy(shared); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if !proto.Equal(shared, before) {
		t.Error("JSONCopy changed its input")
	}
	a, _ := r.JSONCopy(shared)
	b, _ := r.JSON(proto.Clone(before))
	if !bytes.Equal(a, b) {
		t.Error("JSONCopy and JSON render differently")
	}
}

func TestJSONAcceptsContainedResource(t *testing.T) {
	r := mustRenderer(t)
	pr := richPractice()
	bare, err := r.JSON(Organization(&pr.Organisation))
	if err != nil {
		t.Fatal(err)
	}
	wrapped, err := r.JSON(Contain(Organization(&pr.Organisation)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bare, wrapped) {
		t.Errorf("ContainedResource rendered differently:\n%s\n%s", wrapped, bare)
	}
}

// Benchmarks. Building and marshalling are measured apart so the cost of
// each is visible: "Build" is record→protos (including VersionID), "Marshal"
// is jsonformat alone on pre-built messages, "JSON" is both, as a request pays.

func BenchmarkPatientBuild(b *testing.B) {
	pr := richPractice()
	b.ReportAllocs()
	for b.Loop() {
		Patient(&pr.Patients[0], pr)
	}
}

func BenchmarkPatientVersionID(b *testing.B) {
	pr := richPractice()
	p := Patient(&pr.Patients[0], pr)
	b.ReportAllocs()
	for b.Loop() {
		VersionID(p)
	}
}

func BenchmarkPatientMarshal(b *testing.B) {
	r := mustRenderer(b)
	pr := richPractice()
	msgs := make([]proto.Message, b.N)
	for i := range msgs {
		msgs[i] = Patient(&pr.Patients[0], pr)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.JSON(msgs[i]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPatientJSON(b *testing.B) {
	r := mustRenderer(b)
	pr := richPractice()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.JSON(Patient(&pr.Patients[0], pr)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchsetBuild(b *testing.B) {
	pr := richPractice()
	b.ReportAllocs()
	for b.Loop() {
		foundationsBundle(pr)
	}
}

func BenchmarkSearchsetMarshal(b *testing.B) {
	r := mustRenderer(b)
	pr := richPractice()
	msgs := make([]proto.Message, b.N)
	for i := range msgs {
		msgs[i] = foundationsBundle(pr)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.JSON(msgs[i]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchsetJSON(b *testing.B) {
	r := mustRenderer(b)
	pr := richPractice()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.JSON(foundationsBundle(pr)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchsetJSONCopy is the price of rendering a shared message
// safely (clone + marshal), against BenchmarkSearchsetMarshal.
func BenchmarkSearchsetJSONCopy(b *testing.B) {
	r := mustRenderer(b)
	shared := foundationsBundle(richPractice())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.JSONCopy(shared); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOperationOutcomeJSON(b *testing.B) {
	r := mustRenderer(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.JSON(OperationOutcome(Issue{Severity: "error", Code: "not-found", SpineCode: "PATIENT_NOT_FOUND", SpineDisplay: "Patient not found"})); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPatientValidate(b *testing.B) {
	pr := richPractice()
	p := Patient(&pr.Patients[0], pr)
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate(p); err != nil {
			b.Fatal(err)
		}
	}
}

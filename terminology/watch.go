package terminology

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"time"
)

// Watch polls dir every interval and loads each new folder or zip that
// appears there (a new release switches atomically; old versions stay).
// An entry is loaded once its size and modification time have been stable
// for one interval, so a half-copied zip is not read. It returns when ctx
// ends. Entries present at the first poll are taken as already loaded.
func (s *Service) Watch(ctx context.Context, dir string, interval time.Duration) {
	type state struct {
		size    int64
		mod     time.Time
		handled bool
	}
	seen := map[string]*state{}
	poll := func(initial bool) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			s.log.WarnContext(ctx, "terminology watch: cannot read folder", "dir", dir, "error", err.Error())
			return
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue
			}
			size, mod := info.Size(), info.ModTime()
			if e.IsDir() {
				size, mod = treeStamp(os.DirFS(dir), name)
			}
			st := seen[name]
			if st == nil {
				seen[name] = &state{size: size, mod: mod, handled: initial}
				continue
			}
			if st.size != size || !st.mod.Equal(mod) {
				st.size, st.mod, st.handled = size, mod, false
				continue
			}
			if st.handled {
				continue
			}
			st.handled = true
			vs, err := s.LoadRelease(ctx, os.DirFS(dir), name)
			if err != nil {
				if !errorsIsSkip(err) {
					s.log.WarnContext(ctx, "terminology watch: release not loaded", "name", name, "error", err.Error())
				}
				continue
			}
			s.log.InfoContext(ctx, "terminology watch: release loaded", "name", name, "versions", len(vs))
		}
	}
	poll(true)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			poll(false)
		}
	}
}

// treeStamp sums sizes and takes the latest modification time under a
// folder, so a folder still being copied is not yet stable.
func treeStamp(fsys fs.FS, root string) (int64, time.Time) {
	var size int64
	var latest time.Time
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil {
			size += info.Size()
			if info.ModTime().After(latest) {
				latest = info.ModTime()
			}
		}
		return nil
	})
	return size, latest
}

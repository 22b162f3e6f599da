package vision

import (
	"fmt"
	"reflect"
)

// firstDiff names the first place two values differ (for readable failures
// on whole records), or "" when they are deeply equal.
func firstDiff(got, want any) string {
	return diffValues("", reflect.ValueOf(got), reflect.ValueOf(want))
}

func diffValues(path string, a, b reflect.Value) string {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: one side missing", path)
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: types %s, %s", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: got %v, want %v", path, a, b)
			}
			return ""
		}
		return diffValues(path, a.Elem(), b.Elem())
	case reflect.Struct:
		if a.Type().String() == "time.Time" {
			if !reflect.DeepEqual(a.Interface(), b.Interface()) {
				return fmt.Sprintf("%s: got %v, want %v", path, a.Interface(), b.Interface())
			}
			return ""
		}
		for i := 0; i < a.NumField(); i++ {
			if d := diffValues(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: got %#v, want %#v", path, a.Interface(), b.Interface())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d, want %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := diffValues(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf("%s: got %#v, want %#v", path, a.Interface(), b.Interface())
	}
	return ""
}

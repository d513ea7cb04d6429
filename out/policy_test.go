package out

import (
	"errors"
	"strings"
	"testing"
)

// TestDecide is the rule of writing over a file, case by case.
func TestDecide(t *testing.T) {
	const (
		write  = "write"
		force  = "only with --force"
		refuse = "never"
	)
	for _, c := range []struct {
		existing Existing
		want     string
		says     string // in the refusal
	}{
		{Existing{State: Missing}, write, ""},
		{Existing{State: Own, By: "report"}, write, ""},
		{Existing{State: OtherKind, By: "template"}, force, "填报模板(shaipin template)"},
		{Existing{State: Edited, By: "template"}, force, "又被修改过的填报模板"},
		{Existing{State: Foreign}, force, "不是 shaipin 写出的文件"},
		{Existing{State: NotFile}, refuse, "目录"},
		{Existing{State: Input}, refuse, "输入文件"},
	} {
		plain, forced := Decide(c.existing, false), Decide(c.existing, true)
		var got string
		switch {
		case plain == nil && forced == nil:
			got = write
		case plain != nil && forced == nil:
			got = force
		case plain != nil && forced != nil:
			got = refuse
		default:
			t.Fatalf("%+v: allowed without --force, refused with it", c.existing)
		}
		if got != c.want {
			t.Errorf("%+v: %s, want %s", c.existing, got, c.want)
		}
		if plain == nil {
			continue
		}
		if !strings.Contains(plain.Error(), c.says) {
			t.Errorf("%+v: %q does not say %q", c.existing, plain, c.says)
		}
		if overridable := errors.Is(plain, ErrOverwrite); overridable != (c.want == force) {
			t.Errorf("%+v: wraps ErrOverwrite %v, but --force overrides it: %v", c.existing, overridable, c.want == force)
		}
		if c.existing.State == Input && !errors.Is(plain, ErrInput) {
			t.Errorf("input refused without ErrInput: %v", plain)
		}
	}
}

package out

import "testing"

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"义乌市":                      "义乌市",
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+cmd":                     "'+cmd",
		"-cmd":                     "'-cmd",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"-3.2":                     "-3.2",
		"+2":                       "+2",
		"—":                        "—",
	} {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

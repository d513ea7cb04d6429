package docx

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var sampleOut = flag.String("sample", "", "also write the sample notice to this .docx file, to look at")

// sampleNotice is a two-page 通报 in the words of the 2022 Jinhua speeches
// (shared/seeds/002): what the notice package will hand to Write.
func sampleNotice() Document {
	return Document{
		Title: "金华市2022年1—4月“扛旗争先”\n大晒拼情况通报",
		Lines: []string{"（2022年1—4月）", "数据来源：各县（市、区）报送，市扛旗争先办汇总"},
		Blocks: []Block{
			Paragraph{Text: "为深入贯彻市第八次党代会精神，推动各县（市、区）扛旗争先、走在前列，现将2022年1—4月“扛旗争先”大晒拼情况通报如下。"},
			Heading1("一、总体情况"),
			Paragraph{Text: "本期共晒拼指标21项。总榜居前3位的是义乌市（得分92.4）、东阳市（得分88.1）、婺城区（得分85.7）；居后3位的是磐安县（得分61.2）、武义县（得分63.5）、浦江县（得分66.0）。与上期相比，东阳市上升2个位次，进位最多；兰溪市下降2个位次，退位最多。"},
			Heading1("二、分项情况"),
			Heading2("（一）七张问题清单"),
			Paragraph{Text: "管控力量化指数排名由高到低依次为：义乌市91.86分、金华开发区91.17分、婺城区90.80分、东阳市90.25分、金东区89.64分、永康市88.79分。省级问题整改率居前3位的是婺城区100%、永康市90%、金华开发区85.71%，浦江县25%落后时序进度。"},
			Paragraph{Lead: "（二）城市有机更新“4321”行动。", Text: "完成投资额居前3位的是义乌市68.5亿元、婺城区65.0亿元、金东区17.9亿元。年度投资完成率义乌市52.7%，超时序进度19.4个百分点；兰溪市46.9%、东阳市34.34%分列第二、第三；浦江县27.4%，落后时序进度5.9个百分点。"},
			Paragraph{Lead: "（三）地方政府专项债。", Text: "项目通过率东阳市100%居第1位，婺城区82.7%居第2位；金额通过率金华开发区41.07%，需求金额和通过率并列第2。拨付进度东阳市、永康市、婺城区均为100%，并列第1。"},
			Heading1("三、红黄旗情况"),
			Table{
				Title:  "2022年1—4月红黄旗名单",
				Header: []string{"单位", "旗帜", "依据"},
				Rows: [][]string{
					{"义乌市", "红旗", "总榜第1位；单项前3位9项"},
					{"东阳市", "红旗", "总榜第2位；比上期上升2个位次"},
					{"婺城区", "红旗", "总榜第3位"},
					{"磐安县", "黄旗", "总榜第10位；单项后3位累计7项"},
					{"武义县", "黄旗（警示）", "连续2期总榜后3位"},
				},
			},
			Paragraph{Text: "各地要对照晒拼结果，比学赶超、补短争先，确保下期晒拼进位争先。"},
		},
		Closing: &Closing{Issuer: "金华市扛旗争先办公室", Date: "2022年5月10日"},
		Appendices: []Appendix{{
			Title: "数据核查提示",
			Blocks: []Block{Table{
				Header: []string{"单位", "指标", "提示"},
				Rows: [][]string{
					{"浦江县", "年度投资完成率", "4月报送值低于3月，请核实是否为累计值"},
					{"金华开发区", "项目通过率", "报送66.66%，按8/12计算为66.67%"},
					{"磐安县", "管控力量化指数"},
				},
			}},
		}},
	}
}

// TestSample writes the sample notice where -sample says, for LibreOffice:
//
//	go test ./out/docx -run TestSample -sample /tmp/docx-look/sample.docx
func TestSample(t *testing.T) {
	if *sampleOut == "" {
		t.Skip("no -sample file given")
	}
	// Not out.WriteFile: package out builds on this one.
	var b bytes.Buffer
	if err := Write(&b, sampleNotice()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*sampleOut, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

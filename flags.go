package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/rank"
)

// The flags several commands share are declared here, once each, and
// read here; a flag of a single command is declared in that command's file.
const (
	flagPeriod   = "period"
	flagMaxUnzip = "max-unzip-mb"
	flagMaxSheet = "max-sheet-mb"
	flagOut      = "out"
	// The composite's rules: given, they win over the 参数 sheet.
	flagScore       = "score"
	flagWeights     = "weights"
	flagMissing     = "missing"
	flagMinCoverage = "min-coverage"
	flagBoard       = "board"
	flagStrict      = "strict"
	flagSeed        = "seed"
	flagForce       = "force"
	flagFlags       = "flags"
	flagRecursive   = "recursive"
)

// periodFlag is --period; what the period means depends on the command.
func periodFlag(usage string) cli.Flag {
	return &cli.StringFlag{Name: flagPeriod, Usage: usage}
}

// outFlag is -o/--out: an output file or folder, per command.
func outFlag(value, usage string) cli.Flag {
	return &cli.StringFlag{Name: flagOut, Aliases: []string{"o"}, Value: value, Usage: usage}
}

// forceFlag is --force, for every command that writes files.
func forceFlag() cli.Flag {
	return &cli.BoolFlag{Name: flagForce, Usage: "覆盖同名的、不是本命令写出的(或写出后被修改过的)文件;输入文件任何时候都不覆盖"}
}

// recursiveFlag is -r: the folders given are read with their subfolders.
func recursiveFlag() cli.Flag {
	return &cli.BoolFlag{Name: flagRecursive, Aliases: []string{"r"}, Usage: "同时读取所给文件夹的子文件夹"}
}

// limitFlags are the limits against hostile workbooks, for every command
// that reads one.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Int64Flag{Name: flagMaxUnzip, Value: data.DefaultMaxUnzipSize >> 20, Usage: "工作簿解压后的大小上限(MB),超过即拒绝", Action: positiveMB(flagMaxUnzip)},
		&cli.Int64Flag{Name: flagMaxSheet, Value: data.DefaultMaxSheetSize >> 20, Usage: "单个工作表解压后的大小上限(MB),超过即拒绝", Action: positiveMB(flagMaxSheet)},
	}
}

// positiveMB refuses a size limit that is not a positive number of MB:
// 0 would silently mean the default.
func positiveMB(name string) func(*cli.Context, int64) error {
	return func(_ *cli.Context, v int64) error {
		if v <= 0 {
			return usageError{fmt.Errorf("--%s 必须是正整数(MB),而不是 %d", name, v)}
		}
		return nil
	}
}

// inputFlags say what to read and the limits against hostile files.
func inputFlags() []cli.Flag {
	return append([]cli.Flag{periodFlag("期间,如 2022-04:单个文件时指定其期间;多个文件时选择要排名的期间(默认最新)"), recursiveFlag()}, limitFlags()...)
}

const tieHelp = `并列规则:competition(默认,美式)或 dense(中国式)。
	数值 95、90、90、85 → competition:1、2、2、4;dense:1、2、2、3`

// rankFlags are the inputs plus the rules of every command that ranks.
func rankFlags() []cli.Flag {
	flags := append(inputFlags(),
		&cli.StringFlag{Name: "ties", Value: string(rank.Competition), Usage: tieHelp},
		&cli.IntFlag{Name: "top", Value: 3, Usage: "前档(红旗)名次数"},
		&cli.IntFlag{Name: "bottom", Value: 3, Usage: "后档(黄旗)名次数"},
		&cli.StringFlag{Name: flagFlags, Usage: "红黄旗规则文件(.xlsx 或 .csv,列为 条件、旗帜、说明),优先于工作簿中的「红黄旗规则」表;写法见 docs/flags.md"},
	)
	return append(flags, methodFlags()...)
}

// settingHelp ends the usage of a flag a 参数 cell can set instead.
func settingHelp(key, def string) string {
	return "。不指定时按参数表「" + key + "」,参数表未写时为 " + def
}

// methodFlags are the composite's rules and --strict. They have no
// default here: unset, the 参数 sheet decides (rank.Options.Resolve).
func methodFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagScore, Usage: "综合得分方法:minmax(极差标准化,每项最优 100、最差 0)、rank(名次得分)、" +
			"efficacy(功效系数法,60—100)、zscore(标准分)、target(目标值法)或 topsis(优劣解距离法)" + settingHelp("综合得分方法", "minmax")},
		&cli.StringFlag{Name: flagWeights, Usage: "权重:given(按指标说明)、equal(等权)或 entropy(熵权法,由数据计算)" + settingHelp("权重方法", "given")},
		&cli.StringFlag{Name: flagMissing, Usage: "未报送指标在综合得分中怎么算:skip(跳过,权重分给已报送的指标)、" +
			"last(按该项最低分,不报即末位)或 zero(按 0 分)" + settingHelp("缺失处理", "skip")},
		&cli.StringFlag{Name: flagMinCoverage, Usage: "最低覆盖率:已报送指标的权重占比低于它的单位不参与总榜排名,写 0.5、50% 或 50;0 为不设" +
			settingHelp("最低覆盖率", "50%")},
		&cli.StringFlag{Name: flagBoard, Usage: "总榜方式:score(按综合得分)或 tally(按红黄旗项数:前3位项数 − 后3位项数)" + settingHelp("总榜方式", "score")},
		strictFlag(),
	}
}

// strictFlag is --strict: the plausibility findings stop the run.
func strictFlag() cli.Flag {
	return &cli.BoolFlag{Name: flagStrict, Usage: "数据核查提示按错误处理:有提示即列出并退出(退出码 1),不输出结果(「分布偏斜」提示仍只是提醒)"}
}

// seedFlag is --seed of the robustness draws.
func seedFlag() cli.Flag {
	return &cli.Uint64Flag{Name: flagSeed, Value: 1, Usage: "稳健性分析的随机种子:同一种子结果完全相同"}
}

// limits reads the limitFlags, and -r where the command has it.
func limits(c *cli.Context) data.Options {
	return data.Options{MaxUnzipSize: c.Int64(flagMaxUnzip) << 20, MaxSheetSize: c.Int64(flagMaxSheet) << 20, Recursive: c.Bool(flagRecursive)}
}

// monthFlag reads --period; the zero Month when it is not given.
func monthFlag(c *cli.Context) (data.Month, error) {
	s := c.String(flagPeriod)
	if s == "" {
		return 0, nil
	}
	m, err := data.ParseMonth(s)
	if err != nil {
		return 0, usageError{fmt.Errorf("--period %q 无法识别,应写作 2022-04、2022/04、202204 或 2022年4月(要有年份)", s)}
	}
	return m, nil
}

// rankRules reads the ranking rules of rankFlags; the period is the
// inputs' (see parseInputs).
func rankRules(c *cli.Context, period data.Month) (rank.Options, error) {
	o := rank.DefaultOptions()
	o.Period = period
	o.Ties = rank.TieMode(c.String("ties"))
	o.Top, o.Bottom = c.Int("top"), c.Int("bottom")
	if err := oneOf("ties", o.Ties, []rank.TieMode{rank.Competition, rank.Dense}); err != nil {
		return o, err
	}
	if o.Top < 0 || o.Bottom < 0 {
		return o, usageError{errors.New("--top 和 --bottom 不能为负数")}
	}
	if path := c.String(flagFlags); path != "" {
		rules, err := data.ReadFlagRules(path, limits(c))
		if err != nil {
			return o, err
		}
		o.FlagRules = rules
	}
	return o, methodRules(c, &o)
}

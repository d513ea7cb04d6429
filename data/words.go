package data

// The words of the input format in one place: what WriteForm writes is
// what the reader looks for. The reader accepts more spellings for most of
// them (unitHeaders, higherWords, yesWords …), each set beside its reader.

// Names of the reserved sheets; every other visible sheet is a data sheet.
const (
	SheetIndicators = "指标说明"
	SheetUnits      = "单位"
	SheetParams     = "参数"
	// SheetGuide is the 填报说明 sheet of a fill-in template: prose, not data.
	SheetGuide = "填报说明"
)

// unitHeader heads the unit column of the tables shaipin writes.
const unitHeader = "县(市、区)"

// Keys of 参数.
const (
	paramPeriod = "期间"
	paramTitle  = "标题"
	paramSource = "数据来源"
	// paramProvenance is 数据性质: 正式, 初步, 模拟 or 公开报道.
	paramProvenance = "数据性质"
	// paramCoverage is 最低覆盖率; the other rules' keys are in choices.
	paramCoverage = "最低覆盖率"
	// ParamFormUnit is the 参数 key that marks a per-unit fill-in form and
	// names its unit. The reader ignores it; merge uses it to check that a
	// unit's form holds only that unit's figures.
	ParamFormUnit = "填报单位"
)

// Columns of 单位.
const (
	colUnitName = "名称"
	colAliases  = "别名"
)

// Columns of 指标说明.
const (
	colIndicator = "指标"
	colGroup     = "分组"
	colMeasure   = "单位"
	colDirection = "方向"
	colWeight    = "权重"
	colDecimals  = "小数位"
	colRanked    = "参与排名"
	colSchedule  = "时序进度"
	colTarget    = "目标值" // for 目标值法
	colLower     = "下限"  // the plausible range the checks hold values to
	colUpper     = "上限"
)

// metaColumns are the columns of 指标说明 in the order WriteForm writes
// them; it adds limitColumns only when some indicator has one.
var metaColumns = []string{colIndicator, colGroup, colMeasure, colDirection, colWeight, colDecimals, colRanked, colSchedule}

// limitColumns are the optional columns of 指标说明, in order.
var limitColumns = []string{colTarget, colLower, colUpper}

// unboundedWord is what WriteForm writes for a limit set to 不限.
const unboundedWord = "不限"

// The words WriteForm writes in 方向 and in the yes/no columns.
const (
	wordHigher = "正向"
	wordLower  = "逆向"
	wordYes    = "是"
	wordNo     = "否"
)

// yesNo is the word for a yes/no column.
func yesNo(v bool) string {
	if v {
		return wordYes
	}
	return wordNo
}

// directionWord is the word for the 方向 column.
func directionWord(d Direction) string {
	if d == Lower {
		return wordLower
	}
	return wordHigher
}

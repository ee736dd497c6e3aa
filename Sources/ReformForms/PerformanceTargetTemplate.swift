extension FormTemplate {
    /// 财政项目支出绩效目标申报表, the project performance-target declaration (SPEC §1).
    public static let performanceTarget: FormTemplate = {
        var template = FormTemplate(
            title: Record.formTitle,
            fields: [
                FieldRule(.project(.name), ["项目名称"]),
                FieldRule(.project(.department), ["主管部门", "主管单位", "预算部门"]),
                FieldRule(.project(.implementingUnit), ["实施单位", "项目实施单位"]),
                FieldRule(.project(.nature), ["项目性质"]),
                FieldRule(.project(.category), ["项目类别", "项目类型"]),
                FieldRule(.project(.plannedStart), ["计划开始日期", "计划开始时间", "项目开始日期"]),
                FieldRule(.project(.plannedEnd), ["计划完成日期", "计划完成时间", "计划结束日期", "项目完成日期"]),
                FieldRule(.funds(.projectTotal), ["项目资金总额", "项目总金额"]),
                FieldRule(.funds(.projectFiscal), ["其中:财政资金", "财政资金"]),
                FieldRule(.funds(.projectOther), ["其中:其他资金", "其他资金"], columnOf: "项目资金总额"),
                FieldRule(.funds(.annualTotal), ["年度资金申请总额", "年度资金总额"]),
                FieldRule(.funds(.annualAppropriation), ["其中:当年财政拨款", "当年财政拨款"]),
                FieldRule(.funds(.annualCarryover), ["其中:上年结转资金", "上年结转资金", "上年结转", "结转资金", "其中:结转资金"]),
                FieldRule(.funds(.annualOther), ["其中:其他资金", "其他资金"], columnOf: "年度资金申请总额"),
                FieldRule(.overallGoal, ["项目总体目标*", "项目总目标*", "总体目标*"], placement: .below),
                FieldRule(.annualGoal, ["年度总体目标*", "#年度总体目标*", "年度目标*", "#年度目标*"], placement: .below),
            ],
            indicatorColumns: IndicatorColumns(
                level1: ["一级指标"],
                level2: ["二级指标"],
                name: ["三级指标", "指标名称"],
                target: ["年度(/项目)指标值", "年度指标值", "项目指标值", "指标值", "年度(项目)指标值", "#年度指标值"]
            ),
            otherLabels: ["项目资金(元)", "项目资金", "项目绩效目标", "绩效目标", "绩效指标"]
        )
        // Units of the targets seen on these forms; a re-read target cell may hold only these and
        // digits, operators and brackets.
        template.units = [
            "%", "‰", "元", "万元", "亿元", "个", "人", "次", "人次", "万人次", "份", "张", "台", "台（套）", "套", "件", "项", "条", "万条",
            "公里", "米", "平方米", "万平方米", "亩", "吨", "株", "樘", "座", "家", "户", "场", "篇", "卷", "册", "页", "万页", "起", "天", "日",
            "小时", "学时", "月", "个月", "年", "剂次", "万剂次", "元/人", "万元/人", "元/张", "元/平方米", "元/月", "万元/公里", "元/个",
            "万元/场", "元/台", "元/页", "/10万", "分",
        ]
        return template
    }()
}

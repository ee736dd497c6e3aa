"""Random but plausible printed forms in the style of the seed (Shanghai-style project disclosures).

A *form* is what is printed in the cells (strings, None for an empty cell); canon.record() turns
it into the canonical truth record. Everything is drawn from a random.Random passed in, so the
same seed gives the same forms.
"""
from decimal import Decimal

CITIES = ["上海市", "北京市", "杭州市", "南京市", "成都市", "武汉市", "广州市", "苏州市", "宁波市", "合肥市"]
DISTRICTS = {"上海市": ["浦东新区", "闵行区", "徐汇区", "静安区", "嘉定区", "松江区", "青浦区"],
             "北京市": ["海淀区", "朝阳区", "丰台区", "通州区"],
             "杭州市": ["西湖区", "余杭区", "萧山区"], "南京市": ["鼓楼区", "江宁区"],
             "成都市": ["武侯区", "锦江区"], "武汉市": ["江汉区", "洪山区"], "广州市": ["天河区", "越秀区"],
             "苏州市": ["姑苏区", "吴中区"], "宁波市": ["鄞州区", "海曙区"], "合肥市": ["蜀山区", "包河区"]}

# department stem -> implementing-unit stems (the department name is prefixed)
DEPTS = {
    "交通委员会": ["职业资格中心（{d}干部学校）", "信息中心", "执法总队", "运输管理处", "科技情报研究所", "路政局"],
    "教育委员会": ["教育技术装备中心", "教育考试院", "教育评估院", "学生资助管理中心", "教师发展中心"],
    "卫生健康委员会": ["卫生健康监督所", "疾病预防控制中心", "医学会", "健康促进中心", "卫生健康信息中心"],
    "民政局": ["社会福利中心", "养老服务指导中心", "殡葬服务管理所", "社会组织服务中心"],
    "生态环境局": ["环境监测中心", "生态环境执法总队", "固体废物与化学品管理技术中心", "辐射环境监督站"],
    "水务局": ["水文总站", "供水调度监测中心", "河湖管理事务中心", "排水管理事务中心"],
    "绿化和市容管理局": ["林业总站", "绿化指导站", "市容环境卫生管理事务中心", "野生动植物保护事务中心"],
    "文化和旅游局": ["图书馆", "群众艺术馆", "文物保护研究中心", "文化市场行政执法总队", "美术馆"],
    "体育局": ["体育训练中心", "体育场馆管理中心", "社会体育管理中心", "体育科学研究所"],
    "司法局": ["法律援助中心", "公证协会", "社区矫正管理局", "司法鉴定管理中心"],
    "市场监督管理局": ["质量技术监督检验所", "食品药品检验所", "计量测试技术研究院", "消费者权益保护中心"],
    "农业农村委员会": ["农业技术推广中心", "动物疫病预防控制中心", "农村经营管理站", "农业机械鉴定推广站"],
    "人力资源和社会保障局": ["职业技能鉴定中心", "人才服务中心", "劳动保障监察总队", "社会保险事业管理中心"],
    "规划和自然资源局": ["测绘院", "不动产登记中心", "地质调查研究院", "土地储备中心"],
    "应急管理局": ["应急指挥中心", "安全生产科学研究所", "消防救援支队后勤保障中心"],
    "统计局": ["统计信息中心", "社会经济调查队", "统计执法检查队"],
    "档案局": ["档案馆", "档案信息技术中心"],
}

NATURES = ["其他经常性项目", "经常性专项业务费", "一次性项目", "跨年度项目", "基本建设项目", "新增项目", "延续性项目"]
CATEGORIES = ["其他运转类", "特定目标类", "其他人员类", "公用经费类", "专项业务类", "设备购置类", "信息化建设类", "大型修缮类"]

QUALS = {
    "安全": "安全", "稳定": "稳定", "显著改善": "显著改善", "显著提升": "显著提升", "健全": "健全", "丰富": "丰富",
}
QUAL_WORDS = ["安全", "稳定", "显著改善", "显著提升", "健全", "丰富", "良好", "有效提升", "持续改善", "合格", "达标",
              "逐步提高", "明显提升", "有效保障", "规范", "完善", "较好", "长期有效", "持续发挥作用", "得到改善"]

# target kinds: (kind, unit, lo, hi) ; kinds: pct100 pctge cnt cntle money unitcost zero qual time
K = {
    "pct100": ("pct100", "%", 100, 100), "pctge": ("pctge", "%", 85, 99), "zero": ("zero", "起", 0, 0),
}


def cnt(unit, lo, hi):
    return ("cnt", unit, lo, hi)


def cntle(unit, lo, hi):
    return ("cntle", unit, lo, hi)


def qual(*words):
    return ("qual", words, 0, 0)


def money(lo, hi):
    return ("money", "万元", lo, hi)


def unitcost(unit, lo, hi):
    return ("unitcost", unit, lo, hi)


def timek(unit, lo, hi):
    return ("time", unit, lo, hi)


P100, PGE, ZERO = K["pct100"], K["pctge"], K["zero"]

# project kinds: project-name templates, items, goal sentences, indicators by (level1, level2)
KINDS = {
    "it": {
        "names": ["信息化运维项目", "{sys}运维经费", "{sys}升级改造项目", "{sys}运行维护", "网络安全等级保护测评经费",
                  "数据中心机房运维经费"],
        "items": {"sys": ["政务服务平台", "业务管理信息系统", "档案管理系统", "门户网站及新媒体平台", "视频会议系统",
                          "办公自动化系统", "数据共享交换平台", "移动执法系统", "12345热线对接系统"]},
        "goals": ["根据业务发展和公众的需求，维护好“{unitshort}”微信公众号及{sys}",
                  "保障{sys}全年安全稳定运行，及时处理系统故障，提升信息化服务水平",
                  "完成{sys}的日常运维、数据备份、安全加固和功能优化，确保系统可用率达到要求",
                  "通过专业化运维服务，保障各业务系统7×24小时稳定运行，做好网络安全防护和数据安全管理工作"],
        "ind": {
            ("产出指标", "数量指标"): [("完成项目应用软件运维模块数", cnt("个", 5, 80)), ("完成外部对接接口运维数", cnt("个", 1, 12)),
                                   ("服务器及网络设备巡检次数", cnt("次", 12, 365)), ("数据备份次数", cnt("次", 12, 52)),
                                   ("完成{sys}功能优化数", cnt("项", 2, 20)), ("网络安全漏洞扫描次数", cnt("次", 4, 24)),
                                   ("运维服务月份数", cnt("个月", 12, 12)), ("终端设备维护台数", cnt("台", 50, 1500))],
            ("产出指标", "质量指标"): [("各项功能模块故障解决率", P100), ("微信公众号模块运行稳定率", P100),
                                   ("数据采集完整率", PGE), ("系统可用率", ("pctge", "%", 98, 99.9)),
                                   ("安全漏洞修复率", P100), ("运维工单闭环率", PGE)],
            ("产出指标", "时效指标"): [("日常运维及时率", P100), ("故障响应及时率", P100), ("故障响应时间", timek("小时", 1, 4)),
                                   ("重大故障恢复时间", timek("小时", 2, 24)), ("运维费用支付及时率", P100)],
            ("效益指标", "社会效益指标"): [("后台数据安全性", qual("安全")), ("24小时线上政务服务满足度", P100),
                                     ("外部对接正常运行率", P100), ("信息系统对业务工作的支撑作用", qual("显著提升", "有效提升")),
                                     ("网络安全事件发生数", ZERO)],
            ("效益指标", "可持续影响指标"): [("运维管理制度健全性", qual("健全", "完善")), ("系统持续稳定运行", qual("长期有效", "稳定"))],
            ("满意度指标", "服务对象满意度指标"): [("公众号关注用户对线上服务的满意度", PGE), ("用户对系统使用的满意度", PGE),
                                            ("业务科室对运维服务满意度", PGE), ("有责投诉发生数", ("zero", "次", 0, 0))],
            ("成本指标", "经济成本指标"): [("预算总额控制数", money(10, 300)), ("运维服务成本", money(5, 200)),
                                     ("单台终端年度维护成本", unitcost("元/台", 80, 600))],
        },
    },
    "repair": {
        "names": ["业务用房修缮及装修经费", "{place}大修工程", "{place}修缮工程", "{place}消防设施改造项目",
                  "办公楼屋面防水及外立面整修", "{place}无障碍设施改造"],
        "items": {"place": ["办公楼", "实训楼", "档案库房", "考点用房", "监测站房", "职工食堂", "机关大院", "训练馆", "展厅"]},
        "goals": ["保证工程质量，及时完成工程，有效控制成本。完成{n}、{n2}层（建筑面积{sqm}平方米）的墙面、地面、门窗和天棚等维修工程，以及工程配套项目安装。",
                  "对{place}进行整体修缮，消除安全隐患，改善办公和业务用房条件",
                  "按期完成{place}修缮改造任务，工程验收合格，确保施工安全，提升使用功能"],
        "ind": {
            ("产出指标", "数量指标"): [("完成水、电等管网改造工程数", cnt("项", 1, 3)), ("工程装修面积", ("area", "平方米", 300, 9000)),
                                   ("完成安防、防雷、照明节能、环保设施改造/新增设施", cnt("项", 1, 5)),
                                   ("完成家具安装套数", cnt("件", 20, 400)), ("修缮{place}面积", ("area", "平方米", 200, 6000)),
                                   ("更换门窗数量", cnt("樘", 10, 300)), ("屋面防水施工面积", ("area", "平方米", 300, 3000))],
            ("产出指标", "质量指标"): [("工程验收合格率", P100), ("施工质量达标率", P100), ("消防验收通过率", P100)],
            ("产出指标", "时效指标"): [("家具购置安装完成及时率", P100), ("项目完工及时率", P100), ("项目验收及时率", P100),
                                   ("工程完工时间", qual("按期完成", "年内完成"))],
            ("效益指标", "社会效益指标"): [("维修改造房屋投入使用率", P100), ("房屋问题修复率", P100),
                                     ("培训条件改善情况", qual("显著改善")), ("施工过程安全事故发生数", ZERO),
                                     ("人才吸引力提升情况", qual("显著提升"))],
            ("效益指标", "可持续影响指标"): [("维修养护机制健全性", qual("健全")), ("房屋使用年限延长", cnt("年", 5, 15))],
            ("满意度指标", "服务对象满意度指标"): [("使用人员满意度", PGE), ("周边居民投诉数", ("zero", "次", 0, 0))],
            ("成本指标", "经济成本指标"): [("工程项目成本", money(20, 900)), ("工程配套项目成本", money(5, 120)),
                                     ("单位面积修缮成本", unitcost("元/平方米", 300, 2500))],
            ("成本指标", "社会成本指标"): [("施工对周边环境影响", qual("较小", "可控"))],
        },
    },
    "exam": {
        "names": ["交通行业资质管理及信用评价经费", "{exam}组织实施经费", "{exam}考务经费", "职业技能等级认定经费",
                  "从业人员继续教育培训经费"],
        "items": {"exam": ["从业人员资格考试", "公路水路工程职业资格考试", "教师资格考试", "职业技能鉴定考试", "执业药师资格考试",
                           "特种设备作业人员考试", "社会工作者职业水平考试"]},
        "goals": ["完成年度{exam}计划、设备维保，维持考点正常运行，以达到顺利开展考试、培训、报名及其他服务的目的。",
                  "组织实施{exam}，保障考试安全、公平、公正，为行业输送合格人才",
                  "按计划完成{exam}的命题、报名、考务、阅卷和证书发放工作，全年无重大考试安全事故"],
        "ind": {
            ("产出指标", "数量指标"): [("发放{exam}劳务费人数", cntle("人次", 20, 1500)), ("完成线上办理业务证件照数", cnt("人次", 500, 6000)),
                                   ("组织考试场次", cnt("场", 4, 60)), ("考生报名审核人数", cnt("人", 800, 40000)),
                                   ("人脸识别设备维保服务完成数", cnt("套", 10, 120)), ("海事专网租赁费支付数", cnt("个月", 12, 12)),
                                   ("网闸设备维保服务完成数", cnt("台", 1, 6)), ("24小时自助终端维保服务完成数", cnt("台", 1, 10)),
                                   ("报名系统安全托管完成数", cnt("个", 1, 2)), ("培训课时数", cnt("学时", 24, 480))],
            ("产出指标", "质量指标"): [("各类考试劳务费发放准确率", P100), ("线上办理业务证件照制作合规率", P100),
                                   ("考试相关系统运行稳定性", qual("稳定")), ("从业人员资格档案管理完整率", P100),
                                   ("试卷保密安全率", P100)],
            ("产出指标", "时效指标"): [("各类考试劳务费用发放及时率", P100), ("考试成绩发布及时率", P100), ("证书发放及时率", P100)],
            ("效益指标", "社会效益指标"): [("交通行业资质考试相关投诉发生数", ZERO), ("各项考试过程安全事故发生数", ZERO),
                                     ("各项考试过程违规行为发生数", ZERO), ("行业从业人员素质提升", qual("显著提升"))],
            ("满意度指标", "服务对象满意度指标"): [("考试人员对考试整体情况的满意度", PGE), ("培训机构对报名系统操作稳定性满意度", PGE),
                                            ("考生满意度", PGE)],
            ("成本指标", "经济成本指标"): [("{exam}组织成本", money(5, 80)), ("考点保障经费成本", money(5, 50)),
                                     ("人均考务成本", unitcost("元/人", 20, 300))],
        },
    },
    "cards": {
        "names": ["证件工本费用", "{card}制作经费", "证照印制及邮寄费用"],
        "items": {"card": ["从业资格证", "服务监督卡", "培训合格证", "电子证照", "执法证", "残疾人证", "社会保障卡"]},
        "goals": ["按照许可要求及相关文件规定，对符合要求的从业人员核发《{card}》。根据行业管理要求变化，对核发的证件、卡数量进行合理化调整，确保符合行业管理的要求。对已核发的证件信息数据及时传输至相关信息管理系统，完成电子化信息归集，将从业人员信息纳入一体化管理。",
                  "保障{card}的印制和发放，满足持证人员办证需求"],
        "ind": {
            ("产出指标", "数量指标"): [("{card}制证数", cntle("张", 500, 60000)), ("网络预约、出租汽车驾驶员从业资格证（交通部监制）制证数", cntle("张", 5000, 60000)),
                                   ("上海市出租汽车驾驶员服务卡制证数", cntle("张", 1000, 8000)), ("证件邮寄份数", cnt("份", 300, 20000))],
            ("产出指标", "质量指标"): [("资格证费用结算准确率", P100), ("资格证标准符合度", P100), ("各类证件制作差错率", ("pct0", "%", 0, 0))],
            ("产出指标", "时效指标"): [("资格证费用结算及时率", P100), ("资格证发放及时率", P100), ("制证周期", timek("个工作日", 3, 15))],
            ("产出指标", "成本指标"): [("{card}单位制证成本", unitcost("元/张", 1, 30))],
            ("效益指标", "社会效益指标"): [("从业人员持证上岗需求满足度", PGE), ("证件信息电子化归集率", P100)],
            ("满意度指标", "服务对象满意度指标"): [("从业人员证件申领满意度", PGE)],
            ("成本指标", "经济成本指标"): [("{card}单位制证成本", unitcost("元/张", 1, 30)),
                                     ("网络预约、出租汽车驾驶员从业资格证（交通部监制）单位制证成本", unitcost("元/张", 10, 30)),
                                     ("上海市公共汽车和电车客运从业人员培训合格证（含塑封）单位制证成本", unitcost("元/张", 1, 5))],
        },
    },
    "staff": {
        "names": ["政府聘用辅助人员经费", "编外人员经费", "劳务派遣人员经费", "{post}聘用经费"],
        "items": {"post": ["协管员", "窗口服务人员", "网格员", "执法辅助人员", "安保人员"]},
        "goals": ["1、保障辅助人员费用合理、准确发放。2、保障辅助人员到岗到位，可以完成业务工作。",
                  "按规定支付{post}薪酬及社保费用，保障各项业务工作顺利开展"],
        "ind": {
            ("产出指标", "数量指标"): [("完成辅助人员工会经费的支付", P100), ("完成辅助人员1次体检安排", P100), ("完成辅助人员1次疗休养安排", P100),
                                   ("聘用{post}人数", cntle("人", 5, 200))],
            ("产出指标", "质量指标"): [("辅助人员体检计划执行度", P100), ("辅助人员疗休养计划执行度", P100),
                                   ("辅助人员薪酬、社保支付标准符合度", P100), ("辅助人员工会经费支付标准符合度", P100)],
            ("产出指标", "时效指标"): [("辅助人员薪酬、社保支付及时率", P100), ("辅助人员体检完成及时率", P100), ("辅助人员管理费用支付及时率", P100)],
            ("效益指标", "社会效益指标"): [("辅助人员绩效考勤达标率", P100), ("丰富社会人员就业渠道情况", qual("丰富")), ("辅助人员工作完成率", P100)],
            ("满意度指标", "服务对象满意度指标"): [("辅助人员满意度", PGE), ("各相关科室对辅助人员满意度", PGE)],
            ("成本指标", "经济成本指标"): [("辅助人员总成本控制", money(50, 900)), ("人均年度薪酬成本", unitcost("万元/人", 6, 15))],
        },
    },
    "monitor": {
        "names": ["{medium}监测经费", "{medium}自动监测站运维", "{medium}质量监督抽检经费", "重点污染源监督性监测"],
        "items": {"medium": ["地表水水质", "环境空气质量", "饮用水水源地", "土壤环境", "噪声", "辐射环境", "农产品质量安全", "食品安全"]},
        "goals": ["按照年度监测方案完成{medium}监测任务，及时、准确掌握{medium}状况，为管理决策提供数据支撑",
                  "开展{medium}例行监测和应急监测，监测数据有效率不低于95%，按时发布监测信息"],
        "ind": {
            ("产出指标", "数量指标"): [("{medium}监测点位数", cnt("个", 10, 300)), ("完成监测样品数", cnt("个", 200, 12000)),
                                   ("出具监测报告数", cnt("份", 12, 400)), ("自动监测站运维数量", cnt("座", 3, 60)),
                                   ("监测数据获取数", cnt("万条", 1, 500))],
            ("产出指标", "质量指标"): [("监测数据有效率", ("pctge", "%", 90, 98)), ("质控样合格率", PGE), ("监测报告准确率", P100)],
            ("产出指标", "时效指标"): [("监测报告按时报送率", P100), ("应急监测响应时间", timek("小时", 1, 6))],
            ("效益指标", "生态效益指标"): [("{medium}状况", qual("持续改善", "稳定", "得到改善")), ("优良天数比例", ("pctge", "%", 80, 92)),
                                     ("主要污染物浓度", qual("逐步下降", "持续下降"))],
            ("效益指标", "社会效益指标"): [("为环境管理提供决策支撑", qual("有效保障", "显著提升")), ("监测信息公开率", P100)],
            ("满意度指标", "服务对象满意度指标"): [("管理部门对监测服务满意度", PGE), ("公众满意度", ("pctge", "%", 80, 95))],
            ("成本指标", "经济成本指标"): [("单个样品监测成本", unitcost("元/个", 150, 2000)), ("监测项目总成本", money(20, 800))],
            ("成本指标", "生态环境成本指标"): [("监测废液规范处置率", P100)],
        },
    },
    "green": {
        "names": ["{area}绿化养护经费", "{area}保洁及垃圾清运", "行道树修剪及补植", "古树名木保护经费", "公园设施维护"],
        "items": {"area": ["公共绿地", "道路", "滨江岸线", "城市公园", "郊野公园", "林地"]},
        "goals": ["做好{area}日常养护管理，保持绿化景观整洁美观，提升城市生态环境质量",
                  "完成{area}养护面积{areaq}万平方米，绿化养护质量达到二级以上标准"],
        "ind": {
            ("产出指标", "数量指标"): [("{area}养护面积", ("area", "万平方米", 5, 500)), ("行道树修剪株数", cnt("株", 500, 30000)),
                                   ("补植苗木数量", cnt("株", 100, 5000)), ("垃圾清运量", cnt("吨", 300, 80000)),
                                   ("古树名木复壮株数", cnt("株", 3, 60))],
            ("产出指标", "质量指标"): [("养护质量达标率", PGE), ("苗木成活率", ("pctge", "%", 90, 98)), ("病虫害防治有效率", PGE)],
            ("产出指标", "时效指标"): [("养护作业完成及时率", P100), ("突发事件处置时限", timek("小时", 2, 24))],
            ("效益指标", "生态效益指标"): [("绿化覆盖率", ("pctge", "%", 30, 45)), ("城市生态环境", qual("持续改善", "得到改善"))],
            ("效益指标", "社会效益指标"): [("市民游园环境", qual("显著改善")), ("安全事故发生数", ZERO)],
            ("效益指标", "可持续影响指标"): [("长效养护机制", qual("健全", "长期有效"))],
            ("满意度指标", "服务对象满意度指标"): [("市民满意度", ("pctge", "%", 80, 95))],
            ("成本指标", "经济成本指标"): [("单位面积养护成本", unitcost("元/平方米", 3, 40)), ("养护总成本", money(30, 3000))],
        },
    },
    "publicity": {
        "names": ["{theme}宣传经费", "{theme}主题活动", "普法宣传教育经费", "政务新媒体运营经费"],
        "items": {"theme": ["安全生产月", "全民健身", "法治", "垃圾分类", "文明交通", "节水", "食品安全", "科普"]},
        "goals": ["围绕{theme}开展系列宣传活动，扩大社会影响力，营造良好社会氛围",
                  "通过线上线下相结合的方式，开展{theme}宣传{n}场次以上，覆盖人群{q}万人次"],
        "ind": {
            ("产出指标", "数量指标"): [("开展宣传活动场次", cnt("场", 4, 80)), ("制作宣传品数量", cnt("份", 500, 50000)),
                                   ("发布新媒体稿件数", cnt("篇", 50, 1200)), ("覆盖人群", cnt("万人次", 1, 200)),
                                   ("编印宣传手册", cnt("册", 1000, 30000))],
            ("产出指标", "质量指标"): [("宣传内容审核通过率", P100), ("活动方案执行率", P100)],
            ("产出指标", "时效指标"): [("活动按期完成率", P100)],
            ("效益指标", "社会效益指标"): [("公众知晓率", ("pctge", "%", 70, 95)), ("{theme}意识", qual("显著提升", "明显提升"))],
            ("满意度指标", "服务对象满意度指标"): [("参与群众满意度", PGE)],
            ("成本指标", "经济成本指标"): [("单场活动平均成本", unitcost("万元/场", 0.5, 8)), ("宣传总成本", money(5, 300))],
        },
    },
    "health": {
        "names": ["{prog}项目经费", "{prog}专项", "基本公共卫生服务补助"],
        "items": {"prog": ["免疫规划", "重大传染病防控", "慢性病综合防治", "职业病监测", "妇幼健康服务", "老年人健康管理"]},
        "goals": ["落实{prog}工作任务，提高目标人群健康水平，降低相关疾病发病率",
                  "按照国家和省市要求，完成{prog}各项工作指标，保障人民群众身体健康"],
        "ind": {
            ("产出指标", "数量指标"): [("服务人数", cnt("人", 1000, 500000)), ("开展健康讲座次数", cnt("次", 10, 200)),
                                   ("疫苗接种剂次", cnt("万剂次", 1, 80)), ("监测哨点数", cnt("个", 5, 60)), ("随访管理人数", cnt("人", 500, 80000))],
            ("产出指标", "质量指标"): [("规范管理率", ("pctge", "%", 60, 90)), ("接种率", ("pctge", "%", 90, 98)), ("报告及时完整率", PGE)],
            ("产出指标", "时效指标"): [("疫情报告及时率", P100), ("资金拨付及时率", P100)],
            ("效益指标", "社会效益指标"): [("居民健康素养水平", ("pctge", "%", 25, 40)), ("突发公共卫生事件处置", qual("及时有效")),
                                     ("甲乙类传染病发病率", ("pctle", "/10万", 150, 300))],
            ("满意度指标", "服务对象满意度指标"): [("服务对象满意度", PGE)],
            ("成本指标", "经济成本指标"): [("人均服务成本", unitcost("元/人", 20, 120))],
        },
    },
    "elderly": {
        "names": ["{svc}补贴", "{svc}服务经费", "社区养老服务设施运营补贴"],
        "items": {"svc": ["居家养老服务", "老年综合津贴", "长者食堂运营", "困难残疾人生活", "孤儿基本生活保障", "特困人员救助供养"]},
        "goals": ["按照政策规定及时足额发放{svc}补贴，保障困难群体基本生活",
                  "为符合条件的老年人提供{svc}，提升老年人生活质量和获得感"],
        "ind": {
            ("产出指标", "数量指标"): [("补贴发放人数", cnt("人", 200, 200000)), ("服务人次", cnt("万人次", 1, 300)),
                                   ("新增长者食堂数量", cnt("家", 2, 50)), ("上门服务户数", cnt("户", 100, 20000))],
            ("产出指标", "质量指标"): [("补贴发放准确率", P100), ("服务规范达标率", PGE)],
            ("产出指标", "时效指标"): [("补贴按月发放率", P100)],
            ("效益指标", "社会效益指标"): [("困难群众基本生活", qual("有效保障")), ("老年人生活质量", qual("明显提升"))],
            ("效益指标", "经济效益指标"): [("带动社会资本投入", money(10, 500))],
            ("效益指标", "可持续影响指标"): [("养老服务体系", qual("逐步完善", "健全"))],
            ("满意度指标", "服务对象满意度指标"): [("服务对象满意度", PGE)],
            ("成本指标", "经济成本指标"): [("人均补贴标准", unitcost("元/月", 75, 1500))],
        },
    },
    "research": {
        "names": ["{topic}课题研究", "{topic}规划编制", "{topic}评估咨询服务"],
        "items": {"topic": ["“十五五”发展规划", "行业高质量发展", "营商环境评价", "数字化转型", "碳达峰碳中和", "城市更新",
                            "综合交通体系"]},
        "goals": ["完成{topic}研究，形成研究报告并提出政策建议，为决策提供参考",
                  "委托专业机构开展{topic}，按期提交成果，通过专家评审"],
        "ind": {
            ("产出指标", "数量指标"): [("形成研究报告数", cnt("份", 1, 6)), ("召开专家论证会次数", cnt("次", 1, 8)),
                                   ("开展实地调研次数", cnt("次", 3, 30))],
            ("产出指标", "质量指标"): [("成果通过专家评审", qual("通过")), ("报告采纳率", ("pctge", "%", 60, 90))],
            ("产出指标", "时效指标"): [("成果提交及时率", P100), ("研究周期", timek("个月", 3, 12))],
            ("效益指标", "社会效益指标"): [("为决策提供支撑作用", qual("显著", "明显")), ("政策建议被采纳数", cnt("条", 1, 10))],
            ("效益指标", "可持续影响指标"): [("研究成果应用", qual("持续发挥作用"))],
            ("满意度指标", "服务对象满意度指标"): [("委托部门满意度", PGE)],
            ("成本指标", "经济成本指标"): [("课题研究经费", money(10, 200))],
        },
    },
    "archive": {
        "names": ["档案数字化加工经费", "{arch}整理及数字化", "档案库房运行维护"],
        "items": {"arch": ["历史档案", "文书档案", "不动产登记档案", "人事档案", "会计档案", "声像档案"]},
        "goals": ["完成{arch}数字化加工{q}万页，建立档案目录数据库，提高档案利用效率",
                  "做好{arch}的接收、整理、保管和利用工作，确保档案实体和信息安全"],
        "ind": {
            ("产出指标", "数量指标"): [("数字化加工页数", cnt("万页", 5, 300)), ("整理档案卷数", cnt("卷", 500, 50000)),
                                   ("著录条目数", cnt("条", 1000, 200000))],
            ("产出指标", "质量指标"): [("数字化成果合格率", P100), ("目录著录准确率", ("pctge", "%", 95, 99.5))],
            ("产出指标", "时效指标"): [("加工任务按期完成率", P100)],
            ("效益指标", "社会效益指标"): [("档案查询利用效率", qual("显著提升")), ("档案信息安全事故", ZERO)],
            ("满意度指标", "服务对象满意度指标"): [("档案利用者满意度", PGE)],
            ("成本指标", "经济成本指标"): [("每页加工成本", unitcost("元/页", 0.3, 2.5))],
        },
    },
    "equipment": {
        "names": ["{equip}购置", "{equip}更新项目", "执法装备购置经费"],
        "items": {"equip": ["执法记录仪", "检测仪器设备", "应急救援装备", "办公设备", "公务用车", "无人机巡查设备", "实验室检测设备"]},
        "goals": ["购置{equip}，满足业务工作需要，提升工作效率和保障能力",
                  "按照资产配置标准完成{equip}采购、安装、调试和验收工作"],
        "ind": {
            ("产出指标", "数量指标"): [("购置{equip}数量", cnt("台（套）", 2, 300)), ("完成设备安装调试数", cnt("台", 2, 120))],
            ("产出指标", "质量指标"): [("设备验收合格率", P100), ("设备完好率", PGE)],
            ("产出指标", "时效指标"): [("采购完成时间", qual("按期完成", "年内完成")), ("设备交付及时率", P100)],
            ("效益指标", "社会效益指标"): [("业务保障能力", qual("显著提升", "有效提升")), ("设备使用率", PGE)],
            ("效益指标", "可持续影响指标"): [("设备使用年限", cnt("年", 5, 10))],
            ("满意度指标", "服务对象满意度指标"): [("使用部门满意度", PGE)],
            ("成本指标", "经济成本指标"): [("设备购置成本", money(5, 600)), ("单台设备采购单价", unitcost("万元/台", 0.2, 60))],
        },
    },
    "transit": {
        "names": ["{mode}运营补贴", "{mode}设施养护经费", "公交线网优化调整"],
        "items": {"mode": ["公共汽车和电车", "轨道交通", "农村公路", "城市道路", "停车场（库）", "内河航道"]},
        "goals": ["保障{mode}安全平稳运行，提升公共交通服务水平，方便市民出行",
                  "完成{mode}日常养护，路况指数保持在良好以上水平"],
        "ind": {
            ("产出指标", "数量指标"): [("养护里程", ("area", "公里", 10, 2000)), ("补贴线路数", cnt("条", 5, 400)),
                                   ("年度客运量", cnt("万人次", 100, 90000)), ("新增停车泊位", cnt("个", 50, 5000))],
            ("产出指标", "质量指标"): [("路况优良率", ("pctge", "%", 85, 98)), ("公交准点率", ("pctge", "%", 85, 98)),
                                   ("车辆完好率", PGE)],
            ("产出指标", "时效指标"): [("补贴资金拨付及时率", P100), ("病害处置时限", timek("天", 1, 7))],
            ("效益指标", "经济效益指标"): [("票务收入", money(100, 50000))],
            ("效益指标", "社会效益指标"): [("市民出行便利度", qual("显著提升")), ("有责交通事故发生数", ZERO)],
            ("满意度指标", "服务对象满意度指标"): [("乘客满意度", ("pctge", "%", 80, 95))],
            ("成本指标", "经济成本指标"): [("每公里养护成本", unitcost("万元/公里", 0.5, 30))],
        },
    },
}


# more item templates, so that forms can carry up to 30 indicators in the seed's habit
_MORE = {
    "it": {("产出指标", "数量指标"): [("{sys}巡检次数", cnt("次", 12, 365)), ("{sys}数据备份次数", cnt("次", 12, 52))],
           ("产出指标", "质量指标"): [("{sys}运行稳定率", P100)], ("产出指标", "时效指标"): [("{sys}故障修复及时率", P100)],
           ("成本指标", "经济成本指标"): [("{sys}运维成本", money(5, 120))]},
    "repair": {("产出指标", "数量指标"): [("{place}门窗更换数量", cnt("樘", 10, 200))],
               ("产出指标", "质量指标"): [("{place}工程验收合格率", P100)],
               ("成本指标", "经济成本指标"): [("{place}修缮工程成本", money(10, 600))]},
    "exam": {("产出指标", "数量指标"): [("{exam}报名人数", cnt("人", 200, 30000))],
             ("产出指标", "质量指标"): [("{exam}劳务费发放准确率", P100)],
             ("产出指标", "时效指标"): [("{exam}成绩发布及时率", P100)]},
    "cards": {("产出指标", "质量指标"): [("{card}制作合格率", P100)], ("产出指标", "时效指标"): [("{card}发放及时率", P100)]},
    "staff": {("产出指标", "时效指标"): [("{post}薪酬发放及时率", P100)],
              ("成本指标", "经济成本指标"): [("{post}人均成本", unitcost("万元/人", 6, 15))]},
    "monitor": {("产出指标", "质量指标"): [("{medium}监测数据有效率", PGE)],
                ("产出指标", "时效指标"): [("{medium}监测报告按时报送率", P100)],
                ("成本指标", "经济成本指标"): [("{medium}监测成本", money(10, 400))]},
    "green": {("产出指标", "质量指标"): [("{area}养护质量达标率", PGE)],
              ("成本指标", "经济成本指标"): [("{area}单位面积养护成本", unitcost("元/平方米", 3, 40))]},
    "publicity": {("产出指标", "数量指标"): [("{theme}宣传活动场次", cnt("场", 2, 40)), ("{theme}宣传品制作数量", cnt("份", 200, 20000))],
                  ("产出指标", "质量指标"): [("{theme}活动方案执行率", P100)]},
    "health": {("产出指标", "数量指标"): [("{prog}服务人数", cnt("人", 500, 90000))],
               ("产出指标", "质量指标"): [("{prog}规范管理率", ("pctge", "%", 60, 95))],
               ("成本指标", "经济成本指标"): [("{prog}人均服务成本", unitcost("元/人", 10, 200))]},
    "elderly": {("产出指标", "数量指标"): [("{svc}发放人数", cnt("人", 100, 90000))],
                ("产出指标", "质量指标"): [("{svc}发放准确率", P100)], ("产出指标", "时效指标"): [("{svc}按月发放率", P100)]},
    "research": {("产出指标", "数量指标"): [("{topic}研究报告数", cnt("份", 1, 5))],
                 ("产出指标", "时效指标"): [("{topic}成果提交及时率", P100)]},
    "archive": {("产出指标", "数量指标"): [("{arch}数字化加工页数", cnt("万页", 1, 100)), ("{arch}整理卷数", cnt("卷", 200, 20000))],
                ("产出指标", "质量指标"): [("{arch}数字化成果合格率", P100)]},
    "equipment": {("产出指标", "质量指标"): [("{equip}验收合格率", P100)],
                  ("成本指标", "经济成本指标"): [("{equip}采购成本", money(2, 300))]},
    "transit": {("产出指标", "数量指标"): [("{mode}养护里程", ("area", "公里", 5, 800))],
                ("产出指标", "质量指标"): [("{mode}设施完好率", PGE)],
                ("成本指标", "经济成本指标"): [("{mode}运营补贴", money(100, 9000))]},
}
for _k, _groups in _MORE.items():
    for _g, _lst in _groups.items():
        KINDS[_k]["ind"].setdefault(_g, []).extend(_lst)

LONG_TAILS = [
    "加强项目全过程管理，严格执行财务管理制度，确保资金使用合规、高效，项目按期完成并达到预期绩效目标。",
    "建立健全项目管理制度和绩效跟踪机制，定期开展自查，及时发现和纠正执行中的偏差，切实提高财政资金使用效益。",
    "严格按照政府采购有关规定选择服务供应商，签订合同并明确服务内容、质量标准和考核办法，做好过程监管和结果验收。",
    "落实安全生产责任制，强化风险防控，确保全年不发生重大安全责任事故，服务对象满意度保持在较高水平。",
]

DEFAULT_ORDER = [("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
                 ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
                 ("满意度指标", ["服务对象满意度指标"]),
                 ("成本指标", ["经济成本指标", "社会成本指标", "生态环境成本指标"])]

NUM_UNITS_PAREN = ("(", ")")


class Style:
    """How a file prints things (chosen once per file): label variants and number habits."""

    def __init__(self, rng, year, old=False):
        self.old = old  # 成本指标 as a 二级指标 under 产出指标
        self.paren = rng.choice([("(", ")"), ("(", ")"), ("（", "）")])
        self.ops = rng.choice(["unicode", "unicode", "unicode", "ascii", "fullwidth"])
        self.decimals = rng.choice([2, 2, 0, "mixed"])
        self.thousands = rng.random() < 0.35
        self.bare_units = rng.random() < 0.25
        self.amount_commas = rng.random() < 0.7
        self.amount_decimals = rng.random() < 0.85
        self.cost_first = rng.random() < 0.3  # 成本指标 right after 产出指标
        y = year
        self.labels = {
            "overall": rng.choice([f"项目总体目标（{{y0}}年-{{y1}}年）", "项目总体目标\n({y0} 年-{y1} 年)",
                                   "项目总体目标({y0}年-{y1}年)", "项目总目标", "总体目标"]),
            "annual": rng.choice(["年度总体目标", "年度总体目标", "年度目标", f"{y}年度目标"]),
            "fiscal": rng.choice(["其中：财政资金", "其中：财政资金", "其中:财政资金", "财政资金"]),
            "approp": rng.choice(["其中：当年财政拨款", "其中：当年财政拨款", "其中:当年财政拨款", "当年财政拨款"]),
            "carry": rng.choice(["上年结转资金", "上年结转资金", "其中：上年结转资金", "结转资金"]),
            "other": "其他资金",
            "funds": rng.choice(["项目资金（元）", "项目资金\n（元）", "项目资金(元)", "项目资金（元）"]),
            "total": "项目资金总额",
            "annual_total": rng.choice(["年度资金申请总额", "年度资金申请总额", "年度资金总额"]),
            "goals": rng.choice(["项目绩效目标", "项目绩效目标", "绩效目标"]),
            "indicators": "绩效指标",
            "l1": "一级指标", "l2": "二级指标", "l3": "三级指标",
            "value": rng.choice(["年度(/项目)指标值", "年度(/项目)指标值", "年度（/项目）指标值", "年度指标值", "指标值"]),
            "year": rng.choice(["（{y}年度）", "（{y}年度）", "({y}年度)", "{y}年度"]),
            "name": "项目名称", "dept": "主管部门",
            "unit": "实施单位", "nature": "项目性质", "category": "项目类别",
            "start": rng.choice(["计划开始日期", "计划开始日期", "计划开始时间"]),
            "end": rng.choice(["计划完成日期", "计划完成日期", "计划完成时间"]),
        }

    def op(self, rng, op):
        table = {"unicode": {"=": "=", ">=": "≥", "<=": "≤", ">": ">", "<": "<"},
                 "ascii": {"=": "=", ">=": ">=", "<=": "<=", ">": ">", "<": "<"},
                 "fullwidth": {"=": "＝", ">=": "≥", "<=": "≤", ">": "＞", "<": "＜"}}
        mode = self.ops if rng.random() < 0.9 else rng.choice(["unicode", "ascii", "fullwidth"])
        return table[mode][op]

    def num(self, rng, v, decimals=None):
        d = self.decimals if decimals is None else decimals
        if d == "mixed":
            d = rng.choice([0, 2])
        if isinstance(v, Decimal) and v != v.to_integral_value():
            d = max(d, 2) if d else 2
        s = f"{v:.{d}f}" if not isinstance(v, Decimal) else format(v.quantize(Decimal(1).scaleb(-d)), "f")
        if self.thousands and abs(float(v)) >= 1000:
            ip, _, fp = s.partition(".")
            ip = f"{int(ip):,}"
            s = ip + ("." + fp if fp else "")
        return s

    def unit(self, rng, u):
        if u is None:
            return ""
        if self.bare_units and u in ("%", "万元") and rng.random() < 0.8:
            return "％" if (u == "%" and self.ops == "fullwidth") else u
        p = self.paren if rng.random() < 0.9 else rng.choice([("(", ")"), ("（", "）")])
        return p[0] + u + p[1]

    def amount(self, rng, v):
        if v is None:
            return None
        s = f"{v:.2f}" if self.amount_decimals or v != v.to_integral_value() else f"{int(v)}"
        if self.amount_commas:
            ip, _, fp = s.partition(".")
            s = f"{int(ip):,}" + ("." + fp if fp else "")
        return s


def _dec(rng, lo, hi, step=1):
    if isinstance(lo, float) or isinstance(hi, float):
        return Decimal(str(round(rng.uniform(lo, hi), 2)))
    return Decimal(rng.randint(lo, hi))


def make_target(rng, style, tk, fiscal_year):
    kind, unit, lo, hi = tk
    if kind == "qual":
        return rng.choice(unit) if rng.random() < 0.85 else rng.choice(QUAL_WORDS)
    if kind == "date":
        return f"{fiscal_year}年{rng.randint(6, 12)}月"
    if kind == "pct100":
        op = "=" if rng.random() < 0.85 else ">="
        return style.op(rng, op) + style.num(rng, Decimal(100)) + style.unit(rng, "%")
    if kind == "pct0":
        return style.op(rng, "=") + style.num(rng, Decimal(0)) + style.unit(rng, "%")
    if kind == "pctge":
        v = _dec(rng, lo, hi) if rng.random() < 0.8 else Decimal(str(round(rng.uniform(lo, hi), 1)))
        if rng.random() < 0.1:
            return style.num(rng, v) + style.unit(rng, "%")  # no operator printed
        return style.op(rng, ">=" if rng.random() < 0.85 else ">") + style.num(rng, v) + style.unit(rng, "%")
    if kind == "pctle":
        return style.op(rng, "<=") + style.num(rng, _dec(rng, lo, hi)) + style.unit(rng, unit)
    if kind == "zero":
        return style.op(rng, "=" if rng.random() < 0.8 else "<=") + style.num(rng, Decimal(0)) + style.unit(rng, unit)
    if kind in ("cnt", "cntle", "area"):
        v = _dec(rng, lo, hi)
        if kind == "area" and rng.random() < 0.6:
            v = (v + Decimal(rng.randint(1, 99)) / 100)
        op = {"cnt": rng.choice(["=", "=", "=", ">=", ">=", ">"]), "cntle": "<=",
              "area": rng.choice(["=", ">="])}[kind]
        return style.op(rng, op) + style.num(rng, v) + style.unit(rng, unit)
    if kind == "money":
        v = Decimal(str(round(rng.uniform(lo, hi), 2)))
        return style.op(rng, "<=" if rng.random() < 0.9 else "<") + style.num(rng, v, 2) + style.unit(rng, unit)
    if kind == "unitcost":
        v = Decimal(str(round(rng.uniform(lo, hi), 2)))
        return style.op(rng, rng.choice(["=", "<=", "<="])) + style.num(rng, v, 2) + style.unit(rng, unit)
    if kind == "time":
        return style.op(rng, rng.choice(["<=", "<=", "<"])) + style.num(rng, _dec(rng, lo, hi)) + style.unit(rng, unit)
    raise ValueError(kind)


def _fill(rng, tpl, items, extra):
    out = tpl
    for key, vals in items.items():
        if "{" + key + "}" in out:
            out = out.replace("{" + key + "}", extra.setdefault(key, rng.choice(vals)))
    for key, val in extra.items():
        out = out.replace("{" + key + "}", str(val))
    return out


def make_unit_context(rng):
    """A publishing unit: department and implementing unit shared by a file's forms."""
    city = rng.choice(CITIES)
    stem = rng.choice(list(DEPTS))
    if rng.random() < 0.25:
        city = city + rng.choice(DISTRICTS[city])
        stem = stem.replace("委员会", "委员会").replace("局", "局")
    dept = city + stem
    units = [dept + u.replace("{d}", dept) for u in DEPTS[stem]]
    return {"department": dept, "units": units, "unitshort": stem.replace("委员会", "").replace("局", "")}


def make_funds(rng, style):
    pattern = rng.choices(["seed", "full", "carry", "other", "annualonly", "emptyother"], [3, 4, 2, 2, 1, 1])[0]
    total = Decimal(rng.choice([rng.randint(20, 999) * 1000, rng.randint(2000000, 500000000) / 100,
                                rng.randint(100, 9000) * 100])).quantize(Decimal("0.01"))
    z = Decimal("0.00")
    f = {k: None for k in ("project_total", "project_fiscal", "project_other", "annual_total",
                           "annual_appropriation", "annual_carryover", "annual_other")}
    if pattern == "seed":
        f.update(project_total=total, project_other=z, annual_total=total, annual_other=z)
    elif pattern == "full":
        f.update(project_total=total, project_fiscal=total, project_other=z, annual_total=total,
                 annual_appropriation=total, annual_carryover=z, annual_other=z)
    elif pattern == "carry":
        carry = (total * Decimal(rng.randint(5, 40)) / 100).quantize(Decimal("0.01"))
        f.update(project_total=total, project_fiscal=total, project_other=z, annual_total=total,
                 annual_appropriation=total - carry, annual_carryover=carry, annual_other=z)
    elif pattern == "other":
        oth = (total * Decimal(rng.randint(5, 30)) / 100).quantize(Decimal("0.01"))
        f.update(project_total=total, project_fiscal=total - oth, project_other=oth, annual_total=total,
                 annual_appropriation=total - oth, annual_carryover=z, annual_other=oth)
    elif pattern == "annualonly":  # multi-year project: annual part of a bigger total
        ptotal = (total * Decimal(rng.randint(2, 4))).quantize(Decimal("0.01"))
        f.update(project_total=ptotal, project_fiscal=ptotal, annual_total=total, annual_appropriation=total)
    else:
        f.update(project_total=total, project_fiscal=total, annual_total=total, annual_appropriation=total)
    return {k: style.amount(rng, v) for k, v in f.items()}


def make_indicators(rng, style, kind, extra, fiscal_year, n):
    spec = KINDS[kind]["ind"]
    generic = {
        ("产出指标", "时效指标"): [("资金支付及时率", P100), ("各类费用支付及时率", P100)],
        ("效益指标", "社会效益指标"): [("有效投诉发生数", ZERO)],
        ("满意度指标", "服务对象满意度指标"): [("服务对象满意度", PGE)],
        ("成本指标", "经济成本指标"): [("预算执行率", ("pctge", "%", 90, 100))],
    }
    order = [list(x) for x in DEFAULT_ORDER]
    if style.cost_first:
        order = [order[0], order[3], order[1], order[2]]
    groups = []
    for l1, l2s in order:
        for l2 in l2s:
            if style.old and l1 == "成本指标":
                continue
            key = (l1, l2)
            pool = list(spec.get(key, []))
            if style.old and key == ("产出指标", "成本指标"):
                pool = list(spec.get(("成本指标", "经济成本指标"), [])) + pool
            if not style.old and key == ("产出指标", "成本指标"):
                pool = []
            pool += generic.get(key, [])
            if pool:
                groups.append((l1, l2, pool))
    # choose a size per group; 数量指标 and 满意度 always present
    must = {("产出指标", "数量指标"), ("满意度指标", "服务对象满意度指标")}
    chosen = []
    for l1, l2, pool in groups:
        if (l1, l2) in must or rng.random() < 0.75:
            chosen.append([l1, l2, pool, 1])
    total = len(chosen)
    while total < n:
        g = rng.choice(chosen)
        if g[3] < len(g[2]) + (4 if g[1] in ("数量指标", "质量指标", "经济成本指标") else 0):
            g[3] += 1
            total += 1
        elif all(c[3] >= len(c[2]) + (4 if c[1] in ("数量指标", "质量指标", "经济成本指标") else 0) for c in chosen):
            break
    inds = []
    used = set()
    for l1, l2, pool, k in chosen:
        picks = rng.sample(pool, min(k, len(pool)))
        extra_n = k - len(picks)
        names_items = KINDS[kind]["items"]
        rows = []
        for tpl, tk in picks:
            name = _fill(rng, tpl, names_items, extra)
            rows.append((name, tk))
        # more rows in the seed's habit: the same indicator for several items
        templ = [(t, tk) for t, tk in pool if "{" in t]
        for i in range(extra_n if templ else 0):
            tpl, tk = rng.choice(templ)
            key = tpl[tpl.index("{") + 1:tpl.index("}")]
            alt = rng.choice(names_items.get(key, [""]))
            rows.append((_fill(rng, tpl.replace("{" + key + "}", alt), names_items, dict(extra)), tk))
        for name, tk in rows:
            if name in used:
                continue
            used.add(name)
            inds.append({"level1": l1, "level2": l2, "name": name, "target": make_target(rng, style, tk, fiscal_year)})
    return inds


def make_form(rng, ctx, style, fiscal_year, n_ind=None):
    kind = rng.choice(list(KINDS))
    k = KINDS[kind]
    extra = {"unitshort": ctx["unitshort"], "n": str(rng.randint(2, 9)), "n2": None, "sqm": f"{rng.randint(300, 6000)}.{rng.randint(10, 99)}",
             "areaq": str(rng.randint(5, 300)), "q": str(rng.randint(1, 80))}
    extra["n2"] = str(int(extra["n"]) + 1)
    name = _fill(rng, rng.choice(k["names"]), k["items"], extra)
    if rng.random() < 0.12:
        name = f"{fiscal_year}年" + name
    n = n_ind or rng.choice([rng.randint(5, 12), rng.randint(8, 18), rng.randint(12, 30)])
    inds = make_indicators(rng, style, kind, extra, fiscal_year, n)
    goal = _fill(rng, rng.choice(k["goals"]), k["items"], extra)
    if rng.random() < 0.5:
        annual = goal
    else:
        annual = _fill(rng, rng.choice(k["goals"]), k["items"], extra)
        if annual == goal:
            annual = goal + "。" if not goal.endswith("。") else goal
    if rng.random() < 0.35:  # long goal texts, wrapping over several lines
        goal = goal.rstrip("。") + "。" + rng.choice(LONG_TAILS)
    multi = rng.random() < 0.2
    y0 = fiscal_year - (rng.randint(1, 2) if multi else 0)
    y1 = fiscal_year + (rng.randint(0, 1) if multi else 0)
    if rng.random() < 0.75 and not multi:
        start, end = f"{fiscal_year}-01-01", f"{fiscal_year}-12-31"
    else:
        start = f"{y0}-{rng.randint(1, 6):02d}-{rng.choice([1, 1, 15, 20]):02d}"
        end = f"{y1}-{rng.randint(7, 12):02d}-{rng.choice([30, 31, 15, 30]):02d}".replace("-02-30", "-02-28")
        if end.endswith("-31") and end[5:7] in ("04", "06", "09", "11"):
            end = end[:-2] + "30"
    if rng.random() < 0.06:
        end = None
    unit = rng.choice(ctx["units"]) if rng.random() < 0.3 else ctx["unit"]
    if rng.random() < 0.04:
        unit = None
    printed = {
        "name": name, "department": ctx["department"], "implementing_unit": unit,
        "nature": rng.choice(NATURES), "category": rng.choice(CATEGORIES) if rng.random() > 0.05 else None,
        "planned_start": start, "planned_end": end,
        "funds": make_funds(rng, style),
        "goal_overall": goal if rng.random() > 0.04 else None, "goal_annual": annual,
        "indicators": inds,
    }
    return {"fiscal_year": fiscal_year, "years": (y0, y1), "printed": printed, "kind": kind}


def make_file_forms(rng, n_forms, year=None, n_ind=None):
    """Forms of one disclosure file: one publishing unit, one fiscal year, one print style."""
    year = year or rng.randint(2021, 2025)
    old = year <= 2022 and rng.random() < 0.5
    style = Style(rng, year, old=old)
    ctx = make_unit_context(rng)
    ctx["unit"] = rng.choice(ctx["units"])
    forms = [make_form(rng, ctx, style, year, n_ind) for _ in range(n_forms)]
    return forms, style, ctx

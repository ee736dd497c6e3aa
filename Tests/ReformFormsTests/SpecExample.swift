/// The record example of SPEC §2, byte for byte, with its `"…"` digest replaced by a real one.
enum SpecExample {
    static let json = #"""
{
  "schema": "perf-target-form/1",
  "title": "财政项目支出绩效目标申报表",
  "fiscal_year": 2024,
  "project": {
    "name": "信息化运维项目",
    "department": "上海市交通委员会",
    "implementing_unit": "上海市交通委员会职业资格中心（上海市交通委员会干部学校）",
    "nature": "其他经常性项目",
    "category": "其他运转类",
    "planned_start": "2024-01-01",
    "planned_end": "2024-12-31"
  },
  "funds_yuan": {
    "project_total": 138507.00,
    "project_fiscal": null,
    "project_other": 0.00,
    "annual_total": 138507.00,
    "annual_appropriation": null,
    "annual_carryover": null,
    "annual_other": 0.00
  },
  "goals": {
    "overall": "根据业务发展和公众的需求，维护好“上海交通微培训”微信公众号",
    "annual": "根据业务发展和公众的需求，维护好“上海交通微培训”微信公众号"
  },
  "indicators": [
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "完成项目应用软件运维模块数",
      "target": {"raw": "=51.00(个)", "op": "=", "value": 51, "unit": "个", "qualitative": null}
    },
    {
      "level1": "效益指标",
      "level2": "社会效益指标",
      "name": "后台数据安全性",
      "target": {"raw": "安全", "op": null, "value": null, "unit": null, "qualitative": "安全"}
    }
  ],
  "source": {"file": "forms-2024.pdf", "sha256": "9f2c1a7e3b4d5c6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7", "pages": [1, 2], "method": "pdf"},
  "confidence": 1.0,
  "review": []
}
"""#
}

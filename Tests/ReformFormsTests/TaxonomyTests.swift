import Testing
@testable import ReformForms

@Suite("Taxonomy")
struct TaxonomyTests {
    @Test func listsTheStandard() {
        #expect(Taxonomy.level1Terms == ["产出指标", "效益指标", "满意度指标", "成本指标"])
        #expect(Taxonomy.allowedLevel2(under: "效益指标") == ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"])
        #expect(Taxonomy.allowedLevel2(under: "满意度指标") == ["服务对象满意度指标"])
        #expect(Taxonomy.allowedLevel2(under: "成本指标") == ["经济成本指标", "社会成本指标", "生态环境成本指标"])
        #expect(Taxonomy.allowedLevel2(under: "绩效指标").isEmpty)
    }

    @Test func validatesPairs() {
        #expect(Taxonomy.isValid(level1: "产出指标", level2: "数量指标"))
        #expect(Taxonomy.isValid(level1: "成本指标", level2: "经济成本指标"))
        #expect(!Taxonomy.isValid(level1: "产出指标", level2: "社会效益指标"))
        #expect(!Taxonomy.isValid(level1: "效益指标", level2: "数量指标"))
    }

    @Test func acceptsTheOlderFormsCostUnderOutput() {
        #expect(Taxonomy.isValid(level1: "产出指标", level2: "成本指标"))
        #expect(Taxonomy.allowedLevel2(under: "产出指标") == ["数量指标", "质量指标", "时效指标", "成本指标"])
        #expect(Taxonomy.isLevel1("成本指标") && Taxonomy.isLevel2("成本指标"))
    }

    @Test func findsTheParentOfALevel2() {
        #expect(Taxonomy.level1(containing: "社会效益指标") == "效益指标")
        #expect(Taxonomy.level1(containing: "服务对象满意度指标") == "满意度指标")
        #expect(Taxonomy.level1(containing: "成本指标") == nil)
        #expect(Taxonomy.level1(containing: "三级指标") == nil)
    }

    @Test func exactMatchScoresOne() throws {
        let match = try #require(Taxonomy.matchLevel2("数量指标"))
        #expect(match.term == "数量指标" && match.isExact)
    }

    @Test func matchesOCRDamagedLabels() throws {
        let quantity = try #require(Taxonomy.matchLevel2("数虽指标", under: "产出指标"))
        #expect(quantity.term == "数量指标")
        #expect(quantity.score == 0.75)
        #expect(Taxonomy.matchLevel2("数虽指标")?.term == "数量指标")
        #expect(Taxonomy.matchLevel1("产岀指标")?.term == "产出指标")
        #expect(Taxonomy.matchLevel1("效益指忭")?.term == "效益指标")
        #expect(Taxonomy.matchLevel2("社会效益指忭")?.term == "社会效益指标")
        #expect(Taxonomy.matchLevel2("生杰效益指标")?.term == "生态效益指标")
    }

    @Test func matchesTruncatedAndWrappedLabels() {
        #expect(Taxonomy.matchLevel2("服务对象满意", under: "满意度指标")?.term == "服务对象满意度指标")
        #expect(Taxonomy.matchLevel2("服务对象满意\n度指标")?.term == "服务对象满意度指标")
        #expect(Taxonomy.matchLevel1("满意度指")?.term == "满意度指标")
        #expect(Taxonomy.matchLevel2("量数指标")?.term == "数量指标")  // characters out of order
        #expect(Taxonomy.matchLevel2("社会效益指\n标")?.term == "社会效益指标")
    }

    @Test func refusesDistantAndAmbiguousLabels() {
        #expect(Taxonomy.matchLevel2("三级指标") == nil)
        #expect(Taxonomy.matchLevel2("量指标", under: "产出指标") == nil)  // 数量 or 质量: a tie
        #expect(Taxonomy.matchLevel1("年度指标值") == nil)
        #expect(Taxonomy.matchLevel1("绩效指标") == nil)  // the section header, not 效益指标
        #expect(Taxonomy.matchLevel1("") == nil)
    }

    @Test func ranksCandidates() {
        let ranked = Taxonomy.candidates(for: "质虽指标", in: Taxonomy.allowedLevel2(under: "产出指标"))
        #expect(ranked.first?.term == "质量指标")
        #expect(ranked.map(\.score) == ranked.map(\.score).sorted(by: >))
    }

    @Test func measuresEditDistanceWithTranspositions() {
        #expect(Taxonomy.editDistance(Array("数虽指标"), Array("数量指标")) == 1)
        #expect(Taxonomy.editDistance(Array(""), Array("指标")) == 2)
        #expect(Taxonomy.editDistance(Array("量数指标"), Array("数量指标")) == 1)
        #expect(Taxonomy.editDistance(Array("绩效指标"), Array("效益指标")) == 2)
    }
}

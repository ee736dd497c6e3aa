import Foundation
import ReformForms
import ReformLayout

/// A batch report as one self-contained HTML page (no network, no external scripts): a summary,
/// filters, and per form its review items first, the record as tables, and the page pictures with a
/// box over every cell that fed a field. Hovering a field lights its box and the other way round.
public enum ReportHTML {
    /// Forms whose confidence is below this are "low confidence".
    public static let lowConfidence = 0.9

    public static func render(_ report: BatchReport, title: String) -> String {
        let c = report.counts
        var out = """
            <!DOCTYPE html>
            <html lang="zh"><head><meta charset="utf-8"><title>\(esc(title))</title>
            <style>\(style)</style></head><body>
            <header><h1>reform report</h1><p class="summary">\(c.files) file(s) · \(c.forms) form(s) · \(c.indicators) indicators ·
            <b>\(c.needsReview)</b> form(s) need review (\(c.reviews) item(s)) · \(c.lowConfidence) low confidence · \(c.failed) failed</p>
            <label><input type="checkbox" id="f-review"> needs review only</label>
            <label><input type="checkbox" id="f-low"> low confidence only</label></header>

            """
        var formIndex = 0
        for file in report.files {
            out += "<section class=\"file\"><h2>\(esc(file.path))</h2>\n"
            if let failure = file.failure { out += "<p class=\"failure\">failed: \(esc(failure))</p>\n" }
            for (i, record) in file.records.enumerated() {
                formIndex += 1
                let sources = i < file.sources.count ? file.sources[i] : []
                out += form(record, number: i + 1, id: "f\(formIndex)", sources: sources, pages: file.pages)
            }
            out += "</section>\n"
        }
        return out + "<script>\(script)</script></body></html>\n"
    }

    static func form(_ r: Record, number: Int, id: String, sources: [FieldSource], pages: [Int: BatchReport.Page]) -> String {
        let review = !r.review.isEmpty, low = r.confidence < lowConfidence
        var out = "<article class=\"form\(review ? " review" : "")\(low ? " low" : "")\" id=\"\(id)\">\n"
        out += "<h3>Form \(number): \(esc(r.project.name ?? "(no name)")) <span class=\"meta\">pages \(r.source.pages.map(String.init).joined(separator: ", ")) · \(r.source.method.rawValue) · confidence \(String(format: "%.2f", r.confidence))</span></h3>\n"
        out += "<div class=\"cols\"><div class=\"record\">\n"
        if review {
            out += "<ol class=\"reviews\">" + r.review.map { "<li data-path=\"\(esc($0.path))\"><code>\(esc($0.path))</code> \(esc($0.reason))</li>" }.joined() + "</ol>\n"
        }
        var rows: [(String, String)] = [("fiscal_year", r.fiscalYear.map(String.init) ?? "")]
        rows += ProjectInfo.Field.allCases.map { (RecordPath.project($0), r.project[$0] ?? "") }
        rows += Funds.Field.allCases.map { (RecordPath.funds($0), r.fundsYuan[$0]?.description ?? "") }
        rows += [(RecordPath.goals("overall"), r.goals.overall ?? ""), (RecordPath.goals("annual"), r.goals.annual ?? "")]
        out += "<table class=\"fields\">" + rows.map { "<tr data-path=\"\($0.0)\"><th>\($0.0)</th><td>\(esc($0.1))</td></tr>" }.joined() + "</table>\n"
        out += "<table class=\"indicators\"><tr><th>#</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>op</th><th>value</th><th>unit</th></tr>"
        for (i, ind) in r.indicators.enumerated() {
            let p = RecordPath.indicator(i)
            out += "<tr data-path=\"\(p)\"><td>\(i)</td><td data-path=\"\(p).level1\">\(esc(ind.level1 ?? ""))</td><td data-path=\"\(p).level2\">\(esc(ind.level2 ?? ""))</td>"
                + "<td data-path=\"\(p).name\">\(esc(ind.name ?? ""))</td><td data-path=\"\(p).target\">\(esc(ind.target.raw))</td>"
                + "<td>\(esc(ind.target.op?.rawValue ?? ""))</td><td>\(esc(ind.target.valueText ?? ""))</td><td>\(esc(ind.target.unit ?? ind.target.qualitative ?? ""))</td></tr>"
        }
        out += "</table></div>\n<div class=\"pages\">\n"
        let flagged = Set(r.review.map(\.path))
        for n in r.source.pages {
            guard let page = pages[n] else { continue }
            out += "<div class=\"page\" style=\"width:\(Int(page.width * BatchReport.pageScale))px;height:\(Int(page.height * BatchReport.pageScale))px\">"
            out += "<img alt=\"page \(n)\" src=\"data:image/png;base64,\(page.png.base64EncodedString())\">"
            for s in sources where s.page == n && s.role != .label {
                let b = s.box, k = BatchReport.pageScale
                let hit = flagged.contains(s.path) || flagged.contains { $0.hasPrefix(s.path + ".") }
                out += "<div class=\"cell \(s.role.rawValue)\(hit ? " flagged" : "")\" data-path=\"\(esc(s.path))\" title=\"\(esc(s.path))\" "
                    + "style=\"left:\(Int(b.left * k))px;top:\(Int(b.top * k))px;width:\(Int(b.width * k))px;height:\(Int(b.height * k))px\"></div>"
            }
            out += "<span class=\"pageno\">page \(n)</span></div>\n"
        }
        return out + "</div></div></article>\n"
    }

    static func esc(_ s: String) -> String { TableWriters.escape(s) }

    static let style = """
        body{font-family:"Noto Sans CJK SC",sans-serif;margin:0;color:#222}header{position:sticky;top:0;background:#f4f6fa;padding:8px 16px;border-bottom:1px solid #ccd;z-index:5}
        h1{font-size:18px;margin:0 0 4px}.summary{margin:0 0 4px}section.file{padding:8px 16px}h2{font-size:15px;color:#334}
        article.form{border:1px solid #ccd;border-radius:6px;margin:10px 0;padding:8px}article.review{border-color:#d33;border-width:2px}
        h3{font-size:14px;margin:0 0 6px}.meta{color:#667;font-weight:normal}.cols{display:flex;gap:16px;align-items:flex-start}
        .record{flex:1 1 50%;min-width:420px}.pages{flex:1 1 50%;overflow:auto;max-height:90vh}
        ol.reviews{background:#fff0f0;border:1px solid #e99;padding:6px 6px 6px 28px;margin:0 0 8px;color:#a00}
        table{border-collapse:collapse;font-size:12px;margin-bottom:8px;width:100%}td,th{border:1px solid #dde;padding:2px 4px;text-align:left;vertical-align:top}
        th{background:#f7f7fb;font-weight:normal;color:#556}.page{position:relative;margin-bottom:8px;box-shadow:0 0 3px #aaa}.page img{position:absolute;left:0;top:0;width:100%;height:100%}
        .cell{position:absolute;border:1px solid rgba(30,80,220,.5)}.cell.funds{background:rgba(255,150,20,.18)}.cell.text{background:rgba(40,170,70,.15)}
        .cell.goal{background:rgba(150,90,210,.13)}.cell.level{background:rgba(20,160,170,.13)}.cell.indicator{background:rgba(255,225,20,.18)}.cell.target{background:rgba(240,80,150,.15)}
        .cell.flagged{border:2px solid #e00;box-shadow:0 0 0 3px rgba(230,0,0,.35)}.lit{outline:3px solid #06f!important;background:rgba(0,110,255,.25)!important}
        .pageno{position:absolute;right:4px;bottom:2px;font-size:10px;color:#889}.failure{color:#a00}.hidden{display:none}
        """

    static let script = """
        (function(){
          function light(el,on){var f=el.closest('article');if(!f)return;var p=el.getAttribute('data-path');
            f.querySelectorAll('[data-path]').forEach(function(x){var q=x.getAttribute('data-path');
              if(q===p||q.indexOf(p+'.')===0||p.indexOf(q+'.')===0){x.classList.toggle('lit',on);}});}
          document.querySelectorAll('[data-path]').forEach(function(el){
            el.addEventListener('mouseenter',function(){light(el,true);});el.addEventListener('mouseleave',function(){light(el,false);});});
          function filter(){var r=document.getElementById('f-review').checked,l=document.getElementById('f-low').checked;
            document.querySelectorAll('article.form').forEach(function(a){
              var show=(!r||a.classList.contains('review'))&&(!l||a.classList.contains('low'));a.classList.toggle('hidden',!show);});}
          document.getElementById('f-review').addEventListener('change',filter);document.getElementById('f-low').addEventListener('change',filter);
        })();
        """
}

#include "acervo/engine.h"

#include <algorithm>
#include <exception>
#include <new>

#include "acervo/text.h"
#include "document/segments.h"
#include "io/env.h"
#include "load/loader.h"
#include "pipeline/pipeline.h"
#include "plugin/plugin_host.h"
#include "records/assembler.h"

namespace acervo {
namespace {

DocumentContext ContextOf(const Document& doc) {
  DocumentContext ctx;
  ctx.id = doc.info.id;
  ctx.title = doc.info.title;
  ctx.country = doc.info.country;
  ctx.period_start = doc.info.period.start;
  ctx.period_end = doc.info.period.end;
  return ctx;
}

// The lowest OCR confidence over a byte span of a page (1 for text-layer pages).
double OcrConfidence(const Page& page, size_t begin, size_t end) {
  double c = 1;
  for (const ConfidenceSpan& s : page.ocr_confidence) {
    if (s.begin < end && begin < s.end) c = std::min(c, s.confidence);
  }
  return c;
}

class EngineImpl : public Engine {
 public:
  EngineImpl(Pipeline pipeline, std::vector<std::unique_ptr<LoadedPlugin>> plugins,
             MentionTypes types, const Env& env)
      : pipeline_(std::move(pipeline)),
        plugins_(std::move(plugins)),
        types_(std::move(types)),
        env_(env) {}

  std::string PipelineId() const override { return pipeline_.id(); }
  const MentionTypes& mention_types() const override { return types_; }

  Result<Extraction> Process(const std::filesystem::path& file,
                             const Overrides& overrides) const override {
    Result<std::string> bytes = env_.ReadFile(file);
    if (!bytes.ok()) return bytes.status();
    return ProcessBytes(*bytes, file.string(), overrides);
  }

  Result<Extraction> ProcessBytes(std::string_view bytes, const std::string& source,
                                  const Overrides& overrides) const override {
    LoadOptions options;
    Result<OcrMode> ocr = ParseOcrMode(overrides.ocr.empty() ? pipeline_.ocr : overrides.ocr);
    if (!ocr.ok()) return ocr.status();
    options.ocr = *ocr;
    options.progress = overrides.progress;
    options.page_ocr = overrides.page_ocr.get();
    options.passwords = overrides.passwords;
    Result<Document> doc = LoadBytes(bytes, source, options);
    if (!doc.ok()) return doc.status();
    return ProcessDocument(std::move(doc.value()), overrides);
  }

  Result<Extraction> ProcessDocument(Document document, const Overrides& overrides) const override {
    Extraction x;
    x.pipeline = pipeline_.id();
    x.document = std::move(document);
    Document& doc = x.document;
    if (!overrides.source.empty()) doc.info.source = overrides.source;
    if (!overrides.country.empty()) doc.info.country = overrides.country;
    if (!overrides.title.empty()) doc.info.title = overrides.title;
    if (!overrides.period_start.empty()) {
      doc.info.period.start = overrides.period_start;
      doc.info.period.end =
          overrides.period_end.empty() ? overrides.period_start : overrides.period_end;
    }
    DocumentContext ctx = ContextOf(doc);
    // The user's context date, else the date the document gives itself (front matter).
    ctx.context_date = overrides.context_date.empty() ? doc.info.date : overrides.context_date;

    SegmentList segments(doc);
    const std::vector<size_t> starts = CodePointStarts(doc, segments);
    for (const auto& plugin : plugins_) RunPlugin(*plugin, ctx, segments, starts, &x);
    std::stable_sort(x.mentions.begin(), x.mentions.end(),
                     [](const PlacedMention& a, const PlacedMention& b) {
                       return std::tie(a.page, a.byte_start) < std::tie(b.page, b.byte_start);
                     });

    RecordInferrer infer = [this, &ctx, &x](const RecordView& record) {
      std::vector<std::pair<std::string, Mention>> found;
      for (const auto& plugin : plugins_) {
        std::vector<Mention> out;
        Status s = Guarded(*plugin, [&] { return plugin->extractor().Infer(ctx, record, &out); });
        if (!s.ok()) {
          x.warnings.push_back(s.message());
          continue;
        }
        for (Mention& m : out) found.emplace_back(plugin->id(), std::move(m));
      }
      return found;
    };
    x.records = AssembleRecords(doc, segments, &x.mentions, pipeline_, infer, types_, &x.warnings);
    x.warnings.insert(x.warnings.begin(), doc.warnings.begin(), doc.warnings.end());
    return x;
  }

 private:
  // Runs `fn` and turns anything a plugin throws into a Status naming the plugin. Running
  // out of memory is not the plugin's fault alone and goes on up: the process is in trouble.
  template <typename Fn>
  static Status Guarded(const LoadedPlugin& plugin, Fn&& fn) {
    try {
      Status s = fn();
      return s.ok() ? s : s.Prefixed("plugin " + plugin.id());
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      return Internal("plugin " + plugin.id() + " threw: " + e.what());
    } catch (...) {
      return Internal("plugin " + plugin.id() + " threw an unknown exception");
    }
  }

  // Code-point offsets of byte offsets in a page, counted on from the last one asked: the
  // segments and their mentions come in page order, so each page is scanned about once
  // (counting from the page start for every mention made the engine quadratic in mentions).
  struct CodePointCursor {
    size_t page = static_cast<size_t>(-1), byte = 0, count = 0;
    size_t At(std::string_view text, size_t page_index, size_t to) {
      if (page_index != page || to < byte) {
        page = page_index;
        byte = count = 0;
      }
      count += CodePointCount(text.substr(byte), to - byte);
      byte = to;
      return count;
    }
  };

  // The code-point offset in its page of each segment's start, counted once per document
  // for all the plugins (each plugin's mentions are then counted from their segment's start,
  // not from the page's).
  static std::vector<size_t> CodePointStarts(const Document& doc, const SegmentList& segments) {
    std::vector<size_t> starts;
    starts.reserve(segments.entries().size());
    CodePointCursor cursor;
    for (const SegmentEntry& e : segments.entries()) {
      starts.push_back(cursor.At(doc.pages[e.page_index].text, e.page_index, e.page_offset));
    }
    return starts;
  }

  void RunPlugin(const LoadedPlugin& plugin, const DocumentContext& ctx,
                 const SegmentList& segments, const std::vector<size_t>& starts,
                 Extraction* x) const {
    std::unique_ptr<Run> run;
    Status s = Guarded(plugin, [&] {
      run = plugin.extractor().Begin(ctx);
      return run ? Status::Ok() : Internal("Begin returned nothing");
    });
    if (!s.ok()) {
      x->warnings.push_back(s.message());
      return;
    }
    const std::string id = plugin.id();
    for (size_t k = 0; k < segments.entries().size(); ++k) {
      const SegmentEntry& e = segments.entries()[k];
      std::vector<Mention> out;
      s = Guarded(plugin, [&] { return run->Extract(e.segment, &out); });
      if (!s.ok()) {
        // One bad segment does not silence the plugin for the rest of the document.
        x->warnings.push_back(s.message() + " (page " + std::to_string(e.segment.page) + ")");
        continue;
      }
      const Page& page = x->document.pages[e.page_index];
      // Counted on from the segment's start: a plugin's mentions of one segment come mostly
      // in text order; one before the last goes back to the segment's start.
      size_t at_byte = 0, at_count = 0;
      for (Mention& m : out) {
        if (m.begin > m.end || m.end > e.segment.text.size()) {
          x->warnings.push_back("plugin " + id + " returned a span outside its segment");
          continue;
        }
        PlacedMention pm;
        pm.type = std::move(m.type);
        pm.value = std::move(m.value);
        pm.page = page.number;
        pm.byte_start = e.page_offset + m.begin;
        pm.byte_end = e.page_offset + m.end;
        pm.text = page.text.substr(pm.byte_start, pm.byte_end - pm.byte_start);
        if (m.begin < at_byte) at_byte = at_count = 0;
        at_count += CodePointCount(e.segment.text.substr(at_byte), m.begin - at_byte);
        at_byte = m.begin;
        pm.start = starts[k] + at_count;
        pm.end = pm.start + CodePointCount(pm.text, pm.text.size());
        pm.confidence = std::clamp(m.confidence, 0.0, 1.0);
        if (page.ocr) pm.confidence *= OcrConfidence(page, pm.byte_start, pm.byte_end);
        pm.extractor = id;
        x->mentions.push_back(std::move(pm));
      }
    }
  }

  Pipeline pipeline_;
  std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
  MentionTypes types_;
  const Env& env_;
};

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options) {
  const Env& env = options.env ? *options.env : Env::Default();
  Result<Pipeline> pipeline = LoadPipeline(options.pipeline, env);
  if (!pipeline.ok()) return pipeline.status();
  for (const std::string& name : options.only) {
    bool listed = std::any_of(pipeline->extractors.begin(), pipeline->extractors.end(),
                              [&](const PipelineStep& s) { return s.plugin == name; });
    if (!listed) pipeline->extractors.push_back({name, nullptr});
  }
  std::vector<std::filesystem::path> search = PluginSearchPath(options.plugin_dirs);
  std::vector<std::unique_ptr<LoadedPlugin>> plugins;
  MentionTypes types;
  for (const PipelineStep& step : pipeline->extractors) {
    if (!options.only.empty() &&
        std::find(options.only.begin(), options.only.end(), step.plugin) == options.only.end()) {
      continue;
    }
    Result<std::filesystem::path> file = FindPlugin(step.plugin, search, env);
    if (!file.ok()) return file.status().Prefixed(pipeline->file.string());
    Result<std::unique_ptr<LoadedPlugin>> plugin = LoadPlugin(*file);
    if (!plugin.ok()) return plugin.status();
    LoadedPlugin& p = *plugin.value();
    Status s;
    try {
      s = p.extractor().Configure({p.data_dir(), step.params});
    } catch (const std::exception& e) {
      s = Internal(std::string("threw: ") + e.what());
    } catch (...) {
      s = Internal("threw an unknown exception");
    }
    if (!s.ok()) return s.Prefixed("plugin " + p.id() + " (" + file->string() + ")");
    ACERVO_RETURN_IF_ERROR(types.Add(p.id(), p.info().mention_types));
    plugins.push_back(std::move(plugin.value()));
  }
  return std::unique_ptr<Engine>(std::make_unique<EngineImpl>(
      std::move(pipeline.value()), std::move(plugins), std::move(types), env));
}

}  // namespace acervo

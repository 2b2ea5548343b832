// The scanned pages of a PDF OCR'd in parallel worker processes give the same document as
// when one worker reads them one after another: `acervo ingest --jobs 2` (pages split among
// the workers) against `--jobs 2 --whole-documents`, on a scanned and a mixed PDF that
// tools/make-fixtures makes from a three-page sample written here. Page text, flags and
// blocks, mentions, records and the document's JSON must be byte for byte the same.
// Skips when the generator's Debian tools are missing. About 40 s: Tesseract reads the
// scanned pages twice (OMP_THREAD_LIMIT=1, as the workers set it).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_util.h"

namespace acervo {
namespace {

namespace fs = std::filesystem;
using test::Quote;
using test::RunCommand;

// Three pages (form feeds) of prose, a bullet list and a table, so the extraction has dates,
// amounts and institutions to find on every page.
const char kSample[] =
    "# Informe anual de la Secretaría de Cultura\n"
    "\n"
    "Durante 2023 la Secretaría de Cultura firmó un convenio con la Universidad Autónoma "
    "para restaurar el archivo histórico, con una inversión de $1.250.000 aportada por el "
    "gobierno provincial.\n"
    "\n"
    "El 14 de abril de 2023 se abrió la convocatoria de becas para artistas jóvenes.\n"
    "\f"
    "## Bibliotecas populares\n"
    "\n"
    "- El 3 de junio de 2023 se inauguró la biblioteca del barrio norte.\n"
    "- El 21 de agosto de 2023 el Ministerio de Educación entregó 4.000 libros.\n"
    "\n"
    "CUADRO 1. Subsidios otorgados\n"
    "Programa\tMonto\n"
    "Fomento a la lectura\t320.000\n"
    "Talleres de oficios\t185.500\n"
    "\f"
    "## Patrimonio\n"
    "\n"
    "En noviembre de 2023 la Comisión Nacional de Monumentos declaró patrimonio el teatro "
    "municipal, cuya restauración costará $2.400.000 financiados por el Banco de la Nación.\n";

// Everything a stored document is made of, except when it was stored, one row a line.
std::string Dump(const fs::path& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return "cannot open " + db.string();
  }
  std::string out;
  // Each row starts with its table's name.
  for (const char* sql :
       {"SELECT 'document', id, pages, json FROM documents ORDER BY id",
        "SELECT 'page', document_id, number, ocr, text, json FROM pages "
        "ORDER BY document_id, number",
        "SELECT 'mention', document_id, seq, json FROM mentions ORDER BY document_id, seq",
        "SELECT 'record', id, status, json FROM records ORDER BY document_id, seq",
        "SELECT 'failure', source, code, message FROM failures ORDER BY source"}) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) != SQLITE_OK) {
      out += std::string("cannot run: ") + sql + "\n";
      continue;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        out += (c ? "\t" : "") + std::string(v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      out += "\n";
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

TEST(ParallelPages, SameDocumentWhetherPagesAreReadInParallelOrInTurn) {
  test::TempDir dir;
  std::ofstream(dir.path() / "informe.md") << kSample;
  test::RunResult made =
      RunCommand(Quote(ACERVO_SOURCE_DIR "/tools/make-fixtures") + " " + Quote(dir.path() / "pdf") +
                 " " + Quote(dir.path() / "informe.md"));
  if (made.exit_code != 0) GTEST_SKIP() << "tools/make-fixtures failed: " << made.output;
  const std::string inputs = Quote(dir.path() / "pdf/informe.scan.pdf") + " " +
                             Quote(dir.path() / "pdf/informe.mixed.pdf");

  const std::string ingest = "OMP_THREAD_LIMIT=1 " + Quote(ACERVO_BINARY) + " ingest " + inputs +
                             " --jobs 2 --json-progress --store ";
  test::RunResult parallel = RunCommand(ingest + Quote(dir.path() / "parallel.db"));
  ASSERT_EQ(parallel.exit_code, 0) << parallel.output;
  test::RunResult in_turn =
      RunCommand(ingest + Quote(dir.path() / "in-turn.db") + " --whole-documents");
  ASSERT_EQ(in_turn.exit_code, 0) << in_turn.output;

  std::string a = Dump(dir.path() / "parallel.db");
  std::string b = Dump(dir.path() / "in-turn.db");
  EXPECT_NE(a.find("\t3\t1\t"), std::string::npos) << "page 3 was not OCR'd:\n" << a;
  EXPECT_NE(a.find("\nrecord\t"), std::string::npos) << "no records were found:\n" << a;
  EXPECT_EQ(a.find("\nfailure\t"), std::string::npos) << a;
  EXPECT_EQ(a, b);
  // Progress counted the scanned pages once: 3 of the scan and 1 of the mixed PDF.
  EXPECT_NE(parallel.output.find("\"ocr_pages\":4"), std::string::npos) << parallel.output;
  EXPECT_NE(parallel.output.find("\"pages\":6"), std::string::npos) << parallel.output;
}

}  // namespace
}  // namespace acervo

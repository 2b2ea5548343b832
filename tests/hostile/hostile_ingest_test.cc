// Hostile documents through `acervo ingest`: one folder holding a flate bomb, a page of
// 10^6 x 10^6 points, a page tree that loops, 10,000 empty pages, a text file of one long
// line, invalid UTF-8 and NUL bytes, plus one good file. The batch ends (within the worker
// time and memory limits given here), the good file is stored, and every hostile file is
// either stored (a bounded result) or listed in `acervo failures` with its reason. (The
// bomb is the slow one: Poppler reads its 1 GiB of content without reporting a page, so the
// worker's 30 s deadline ends it; the test takes about that long.)
//
// Every input is built at test time and is small on disk (the bomb is ~1 MB of deflate that
// inflates to 1 GiB), so the repository carries none of them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>

#include "raw_pdf.h"
#include "test_util.h"

namespace acervo {
namespace {

using test::AssemblePdf;
using test::Quote;
using test::RawStream;
using ::testing::HasSubstr;

// The long line is 16 MiB: larger than any line buffer a reader might assume and enough
// that a quadratic pass over a line would blow the time limit, yet cheap to write and read
// (the 500 MB would add minutes of CI for no further proof: the cost is linear).
constexpr size_t kLongLineBytes = size_t{16} << 20;
constexpr int kEmptyPages = 10000;
constexpr uint64_t kBombBytes = uint64_t{1} << 30;

// A zlib stream of `total` zero bytes made of one independently compressed 1 MiB block
// (Z_FULL_FLUSH resets the history) repeated, so building it costs one block's deflate.
std::string ZeroBomb(uint64_t total) {
  const uInt kBlock = 1 << 20;
  std::string zeros(kBlock, '\0');
  z_stream z{};
  deflateInit(&z, 9);
  std::string block(kBlock, '\0');
  z.next_in = reinterpret_cast<Bytef*>(zeros.data());
  z.avail_in = kBlock;
  z.next_out = reinterpret_cast<Bytef*>(block.data());
  z.avail_out = kBlock;
  deflate(&z, Z_FULL_FLUSH);
  block.resize(kBlock - z.avail_out);
  std::string header = block.substr(0, 2);  // the zlib header, written once
  std::string body = block.substr(2);
  deflateEnd(&z);
  std::string out = header;
  uint64_t blocks = total / kBlock;
  for (uint64_t i = 0; i < blocks; ++i) out += body;
  out += std::string("\x03\x00", 2);  // a final empty fixed-Huffman block
  uLong adler = adler32(0L, Z_NULL, 0);
  uLong one = adler32(adler32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(zeros.data()), kBlock);
  for (uint64_t i = 0; i < blocks; ++i) adler = adler32_combine(adler, one, kBlock);
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(adler >> shift));
  return out;
}

std::string OnePage(const std::string& media_box, const std::string& content,
                    const std::string& content_dict = "") {
  return AssemblePdf({"<< /Type /Catalog /Pages 2 0 R >>",
                      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      "<< /Type /Page /Parent 2 0 R /MediaBox " + media_box +
                          " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                      RawStream(content, content_dict), test::kHelvetica});
}

std::string LoopingPageTree() {
  // The root's kids are a page and the root itself.
  return AssemblePdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> >>",
       RawStream("BT /F1 12 Tf 72 700 Td (Una pagina en un arbol que se repite.) Tj ET"),
       test::kHelvetica});
}

std::string EmptyPages(int n) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (int i = 0; i < n; ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>";
  return AssemblePdf(objects);
}

TEST(HostileDocuments, TheBatchEndsTheGoodFileIsStoredAndEachBadOneIsExplained) {
  test::TempDir dir;
  const std::string text =
      "BT /F1 12 Tf 72 700 Td (Se entregaron 120 becas en marzo de 2023.) Tj ET";
  dir.Write("in/bueno.md", "# Informe\n\nEl 3 de marzo de 2023 se entregaron 120 becas.\n");
  dir.Write("in/bomba.pdf", OnePage("[0 0 612 792]", ZeroBomb(kBombBytes), "/Filter /FlateDecode"));
  dir.Write("in/enorme.pdf", OnePage("[0 0 1000000 1000000]", ""));
  dir.Write("in/enorme-texto.pdf", OnePage("[0 0 1000000 1000000]", text));
  dir.Write("in/bucle.pdf", LoopingPageTree());
  dir.Write("in/vacias.pdf", EmptyPages(kEmptyPages));
  dir.Write("in/linea.txt", "El 3 de marzo de 2023 " + std::string(kLongLineBytes, 'a') + "\n");
  dir.Write("in/no-utf8.txt", "El 3 de marzo de 2023 se entreg\xF3 \xC3\x28 \xFF\xFE becas.\n");
  dir.Write("in/nul.txt", std::string("El 3 de marzo\0 de 2023 se\0\0 entregaron becas.\n", 48));

  auto start = std::chrono::steady_clock::now();
  test::RunResult r = test::RunCommand(
      "cd " + Quote(dir.path()) + " && OMP_THREAD_LIMIT=1 " + Quote(ACERVO_BINARY) +
      " ingest --store s.db -j2 --timeout 30 --max-memory 1024 in");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.output;
  EXPECT_LT(seconds, 600) << r.output;
  std::filesystem::path db = dir.path() / "s.db";
  EXPECT_EQ(test::QueryInt(db, "SELECT COUNT(*) FROM documents WHERE source LIKE '%bueno.md'"), 1)
      << r.output;
  // Each of the nine files is stored or explained, none lost and none twice.
  int64_t stored = test::QueryInt(db, "SELECT COUNT(*) FROM documents");
  int64_t failed = test::QueryInt(db, "SELECT COUNT(*) FROM failures WHERE message <> ''");
  EXPECT_EQ(stored + failed, 9) << r.output;
  test::RunResult failures = test::RunCommand("cd " + Quote(dir.path()) + " && " +
                                              Quote(ACERVO_BINARY) + " failures --store s.db");
  std::cout << "ingest took " << seconds << " s\n" << r.output << failures.output;
  // The empty pages and the text-less giant page hold no text: a reason, not a crash.
  EXPECT_THAT(failures.output, HasSubstr("vacias.pdf"));
  EXPECT_THAT(failures.output, HasSubstr("enorme.pdf"));
  EXPECT_EQ(test::QueryInt(db, "SELECT COUNT(*) FROM failures WHERE code = 'crash'"), 0)
      << failures.output;
}

}  // namespace
}  // namespace acervo

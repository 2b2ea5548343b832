#include "load/ocr_figures.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace acervo {
namespace {

enum class Style { kNone, kDecimalComma, kDecimalPoint, kMisread };

// A page's style is clear when this many of its figures show it, and more than this many
// times as many as show the other.
constexpr int kMinEvidence = 3;
constexpr int kDominance = 2;

// The figure inside `word`: without a sign or opening parenthesis before it, or a closing
// parenthesis after (accounting negatives).
std::string_view FigurePart(std::string_view word, size_t* offset) {
  size_t begin = 0, end = word.size();
  while (begin < end && (word[begin] == '-' || word[begin] == '(')) ++begin;
  if (end > begin && word[end - 1] == ')') --end;
  *offset = begin;
  return word.substr(begin, end - begin);
}

// How `figure` is written: digits in groups of three after a first group of one to three,
// then two decimals, every group after a separator ('.' or ','). kNone when it is not such
// a figure; kMisread when its separators are neither style.
Style StyleOf(std::string_view figure) {
  std::vector<char> separators;
  size_t digits = 0, first = 0;
  for (char c : figure) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
      continue;
    }
    if (c != '.' && c != ',') return Style::kNone;
    if (separators.empty()) {
      first = digits;
    } else if (digits != 3) {
      return Style::kNone;
    }
    if (digits == 0) return Style::kNone;
    separators.push_back(c), digits = 0;
  }
  if (separators.size() < 2 || digits != 2 || first > 3) return Style::kNone;
  char thousands = separators.front(), decimal = separators.back();
  for (size_t i = 0; i + 1 < separators.size(); ++i) {
    if (separators[i] != thousands) return Style::kMisread;
  }
  if (thousands == '.' && decimal == ',') return Style::kDecimalComma;
  if (thousands == ',' && decimal == '.') return Style::kDecimalPoint;
  return Style::kMisread;
}

}  // namespace

void RepairFigureSeparators(std::vector<Word>* words) {
  int comma = 0, point = 0, misread = 0;
  for (const Word& w : *words) {
    size_t offset = 0;
    Style s = StyleOf(FigurePart(w.text, &offset));
    comma += s == Style::kDecimalComma, point += s == Style::kDecimalPoint;
    misread += s == Style::kMisread;
  }
  if (misread == 0) return;
  char thousands = 0, decimal = 0;
  if (comma >= kMinEvidence && comma > kDominance * point) {
    thousands = '.', decimal = ',';
  } else if (point >= kMinEvidence && point > kDominance * comma) {
    thousands = ',', decimal = '.';
  } else {
    return;
  }
  for (Word& w : *words) {
    size_t offset = 0;
    std::string_view figure = FigurePart(w.text, &offset);
    if (StyleOf(figure) != Style::kMisread) continue;
    size_t last = offset + figure.find_last_of(".,");
    for (size_t i = offset; i < offset + figure.size(); ++i) {
      if (w.text[i] == '.' || w.text[i] == ',') w.text[i] = i == last ? decimal : thousands;
    }
  }
}

}  // namespace acervo

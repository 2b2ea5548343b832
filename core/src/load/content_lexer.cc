#include "load/content_lexer.h"

#include <charconv>

namespace acervo {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool IsDelimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

bool StartsNumber(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.'; }

}  // namespace

void ContentLexer::SkipSpaceAndComments() {
  while (pos_ < data_.size()) {
    char c = data_[pos_];
    if (IsSpace(c)) {
      ++pos_;
    } else if (c == '%') {
      while (pos_ < data_.size() && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
    } else {
      return;
    }
  }
}

void ContentLexer::SkipString() {
  int depth = 0;
  while (pos_ < data_.size()) {
    char c = data_[pos_++];
    if (c == '\\') {
      ++pos_;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return;
    }
  }
}

void ContentLexer::SkipBalanced(char open, char close) {
  int depth = 0;
  while (pos_ < data_.size()) {
    char c = data_[pos_];
    if (c == '(') {
      SkipString();
      continue;
    }
    ++pos_;
    if (c == open) {
      ++depth;
    } else if (c == close && --depth == 0) {
      return;
    }
  }
}

void ContentLexer::SkipInlineImage() {
  // The data ends at "EI" standing alone between white space.
  while (pos_ + 2 <= data_.size()) {
    if (data_[pos_] == 'E' && data_[pos_ + 1] == 'I' && pos_ > 0 && IsSpace(data_[pos_ - 1]) &&
        (pos_ + 2 == data_.size() || IsSpace(data_[pos_ + 2]))) {
      pos_ += 2;
      return;
    }
    ++pos_;
  }
  pos_ = data_.size();
}

std::string_view ContentLexer::Regular() {
  size_t start = pos_;
  while (pos_ < data_.size() && !IsSpace(data_[pos_]) && !IsDelimiter(data_[pos_])) ++pos_;
  return data_.substr(start, pos_ - start);
}

bool ContentLexer::Next(std::string_view* op, std::vector<Operand>* operands) {
  operands->clear();
  while (true) {
    SkipSpaceAndComments();
    if (pos_ >= data_.size()) return false;
    char c = data_[pos_];
    if (c == '(') {
      SkipString();
      operands->push_back(Operand{});
    } else if (c == '[') {
      SkipBalanced('[', ']');
      operands->push_back(Operand{});
    } else if (c == '<') {
      if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '<') {
        SkipBalanced('<', '>');
      } else {
        while (pos_ < data_.size() && data_[pos_] != '>') ++pos_;
        ++pos_;
      }
      operands->push_back(Operand{});
    } else if (c == '/') {
      ++pos_;
      operands->push_back(Operand{Operand::kName, 0, Regular()});
    } else if (StartsNumber(c)) {
      std::string_view token = Regular();
      Operand number{Operand::kNumber, 0, {}};
      const char* begin = token.data() + (token.size() > 0 && token[0] == '+' ? 1 : 0);
      if (token.empty() ||
          std::from_chars(begin, token.data() + token.size(), number.number).ec != std::errc()) {
        number.kind = Operand::kOther;
        if (token.empty()) ++pos_;  // a lone delimiter we do not know: step over it
      }
      operands->push_back(number);
    } else if (IsDelimiter(c)) {
      ++pos_;  // ')', '>', ']', '{', '}' out of place
    } else {
      *op = Regular();
      if (*op == "ID") {
        ++pos_;  // the single white space after ID
        SkipInlineImage();
        operands->clear();
        continue;
      }
      return true;
    }
  }
}

}  // namespace acervo

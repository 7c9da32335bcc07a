// Status and Result<T>: how the engine reports failure without exceptions.
//
// Every fallible library call returns a Status or a Result<T>. A message names
// what failed and where (file, line, rule id, byte offset), because users feed
// the tool scraped corpora and need to find the bad record.
//
//   qg::Result<qg::RuleSet> rules = qg::LoadRules(dir);
//   if (!rules.ok()) { std::cerr << rules.status().ToString(); return 2; }
//   const qg::RuleSet& r = rules.value();
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace qg {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input data: invalid UTF-8, a JSONL line that is not JSON
  kNotFound,         // a missing file
  kIoError,          // unreadable or unwritable paths
  kOutOfRange,       // documented limits exceeded (article too large)
  kRuleError,        // a rule file with a bad pattern or field
  kInternal,         // a bug: an invariant broke inside a stage
};

const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: corpus.jsonl:12: text is not a string"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: must not be ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace qg

#define QG_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::qg::Status qg_status_ = (expr);       \
    if (!qg_status_.ok()) return qg_status_; \
  } while (0)

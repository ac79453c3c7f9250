// Structured log lines on stderr: one line per event, either `key=value`
// pairs (values quoted when they contain spaces or quotes) or one JSON object.
//
// Thread safety: Log() may be called from any thread; each line is written
// with a single stdio call, so lines from different threads never interleave.
#ifndef ATTACHE_SERVER_LOG_H_
#define ATTACHE_SERVER_LOG_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"

namespace attache::server {

enum class LogFormat { kText, kJson };

// Parses "text" or "json"; returns false for anything else.
bool ParseLogFormat(absl::string_view name, LogFormat* format);

// A field of a log line. Numbers are written unquoted in JSON.
struct LogField {
  LogField(absl::string_view key, absl::string_view value)
      : key(key), value(value) {}
  LogField(absl::string_view key, const char* value) : key(key), value(value) {}
  LogField(absl::string_view key, const std::string& value)
      : key(key), value(value) {}
  LogField(absl::string_view key, double number);
  LogField(absl::string_view key, int64_t number);
  LogField(absl::string_view key, int number)
      : LogField(key, static_cast<int64_t>(number)) {}

  absl::string_view key;
  std::string value;
  bool is_number = false;
};

// Formats one line (with the trailing newline) without writing it.
std::string FormatLogLine(LogFormat format, absl::string_view event,
                          std::initializer_list<LogField> fields);

// Writes one line to stderr, prefixed with the time and `event`.
void Log(LogFormat format, absl::string_view event,
         std::initializer_list<LogField> fields);

}  // namespace attache::server

#endif  // ATTACHE_SERVER_LOG_H_

#include "server/log.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace attache::server {
namespace {

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(
              out, "\\u%04x", static_cast<int>(static_cast<unsigned char>(c)));
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

bool NeedsQuotes(absl::string_view value) {
  if (value.empty()) return true;
  for (const char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' ||
        static_cast<unsigned char>(c) < 0x20) {
      return true;
    }
  }
  return false;
}

void AppendField(LogFormat format, absl::string_view key,
                 absl::string_view value, bool is_number, std::string* out) {
  if (format == LogFormat::kJson) {
    out->append(",");
    AppendJsonString(key, out);
    out->push_back(':');
    if (is_number) {
      absl::StrAppend(out, value);
    } else {
      AppendJsonString(value, out);
    }
    return;
  }
  absl::StrAppend(out, " ", key, "=");
  // The text format quotes like JSON so that a line stays machine-readable.
  if (NeedsQuotes(value)) {
    AppendJsonString(value, out);
  } else {
    absl::StrAppend(out, value);
  }
}

}  // namespace

bool ParseLogFormat(absl::string_view name, LogFormat* format) {
  if (name == "text") {
    *format = LogFormat::kText;
    return true;
  }
  if (name == "json") {
    *format = LogFormat::kJson;
    return true;
  }
  return false;
}

LogField::LogField(absl::string_view key, double number)
    : key(key), value(absl::StrFormat("%.6g", number)), is_number(true) {}

LogField::LogField(absl::string_view key, int64_t number)
    : key(key), value(absl::StrCat(number)), is_number(true) {}

std::string FormatLogLine(LogFormat format, absl::string_view event,
                          std::initializer_list<LogField> fields) {
  const std::string time = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                                            absl::UTCTimeZone());
  std::string line;
  if (format == LogFormat::kJson) {
    line.append("{\"time\":");
    AppendJsonString(time, &line);
  } else {
    absl::StrAppend(&line, "time=", time);
  }
  AppendField(format, "event", event, /*is_number=*/false, &line);
  for (const LogField& field : fields) {
    AppendField(format, field.key, field.value, field.is_number, &line);
  }
  if (format == LogFormat::kJson) line.push_back('}');
  line.push_back('\n');
  return line;
}

void Log(LogFormat format, absl::string_view event,
         std::initializer_list<LogField> fields) {
  const std::string line = FormatLogLine(format, event, fields);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace attache::server

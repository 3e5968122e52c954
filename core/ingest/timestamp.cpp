#include "ingest/timestamp.h"

#include <QDateTime>

namespace backsight {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

int daysInMonth(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

class Cursor
{
public:
    explicit Cursor(std::string_view s) : s_(s) {}
    bool atEnd() const { return i_ >= s_.size(); }
    char peek() const { return atEnd() ? '\0' : s_[i_]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++i_;
        return true;
    }
    // Reads between minDigits and maxDigits digits; returns -1 when fewer are there.
    int number(int minDigits, int maxDigits, int *count = nullptr)
    {
        int value = 0, n = 0;
        while (n < maxDigits && !atEnd() && s_[i_] >= '0' && s_[i_] <= '9') {
            value = value * 10 + (s_[i_] - '0');
            ++i_;
            ++n;
        }
        if (count)
            *count = n;
        return n < minDigits ? -1 : value;
    }
    void skipSpaces()
    {
        while (!atEnd() && s_[i_] == ' ')
            ++i_;
    }

private:
    std::string_view s_;
    size_t i_ = 0;
};

ParsedTime fail(std::string_view text, const char *why)
{
    return {false, 0,
            QStringLiteral("timestamp '%1' %2").arg(QString::fromUtf8(text.data(), qsizetype(text.size())),
                                                    QLatin1String(why))};
}

// Milliseconds from an optional fraction (`.1234567`): extra digits are truncated.
int fractionMs(Cursor &c)
{
    if (!c.take('.') && !c.take(','))
        return 0;
    int digits = 0;
    int ms = 0;
    while (c.peek() >= '0' && c.peek() <= '9') {
        if (digits < 3)
            ms = ms * 10 + (c.peek() - '0');
        ++digits;
        c.take(c.peek());
    }
    while (digits < 3) {
        ms *= 10;
        ++digits;
    }
    return ms;
}

struct Fields
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
};

ParsedTime assemble(std::string_view text, const Fields &f, qint64 offsetMinutes)
{
    if (f.mo < 1 || f.mo > 12 || f.d < 1 || f.d > daysInMonth(f.y, f.mo) || f.h > 23 || f.mi > 59 || f.s > 60)
        return fail(text, "is not a valid date and time");
    const qint64 days = daysFromCivil(f.y, f.mo, f.d);
    const qint64 secs = days * 86400 + f.h * 3600 + f.mi * 60 + f.s - offsetMinutes * 60;
    return {true, secs * 1000 + f.ms, {}};
}

ParsedTime parseUsStyle(std::string_view text, ZonelessTime zoneless)
{
    // 4/28/2021, 2:08:45.221 PM — Log Analytics' export of a datetime column, always UTC there.
    Cursor c(text);
    Fields f;
    f.mo = c.number(1, 2);
    if (f.mo < 0 || !c.take('/'))
        return fail(text, "is not a recognised date format");
    f.d = c.number(1, 2);
    if (f.d < 0 || !c.take('/'))
        return fail(text, "is not a recognised date format");
    f.y = c.number(4, 4);
    if (f.y < 0)
        return fail(text, "is not a recognised date format");
    c.take(',');
    c.skipSpaces();
    f.h = c.number(1, 2);
    if (f.h < 0 || !c.take(':') || (f.mi = c.number(2, 2)) < 0)
        return fail(text, "is not a recognised time format");
    if (c.take(':') && (f.s = c.number(2, 2)) < 0)
        return fail(text, "is not a recognised time format");
    f.ms = fractionMs(c);
    c.skipSpaces();
    if (c.take('P') || c.take('p')) {
        if (!c.take('M') && !c.take('m'))
            return fail(text, "has an unreadable AM/PM marker");
        if (f.h < 1 || f.h > 12)
            return fail(text, "has an hour outside 1-12 with PM");
        if (f.h != 12)
            f.h += 12;
    } else if (c.take('A') || c.take('a')) {
        if (!c.take('M') && !c.take('m'))
            return fail(text, "has an unreadable AM/PM marker");
        if (f.h < 1 || f.h > 12)
            return fail(text, "has an hour outside 1-12 with AM");
        if (f.h == 12)
            f.h = 0;
    }
    c.skipSpaces();
    if (!c.atEnd())
        return fail(text, "has unexpected trailing characters");
    if (zoneless == ZonelessTime::Reject)
        return fail(text, "has no time zone and its column does not say UTC");
    return assemble(text, f, 0);
}

} // namespace

ParsedTime parseTimestamp(std::string_view text, ZonelessTime zoneless)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return {false, 0, QStringLiteral("timestamp is empty")};
    if (text.size() > 64)
        return fail(text.substr(0, 64), "is too long to be a timestamp");
    if (text.find('/') != std::string_view::npos)
        return parseUsStyle(text, zoneless);

    Cursor c(text);
    Fields f;
    f.y = c.number(4, 4);
    if (f.y < 0 || !c.take('-') || (f.mo = c.number(2, 2)) < 0 || !c.take('-') || (f.d = c.number(2, 2)) < 0)
        return fail(text, "is not an ISO 8601 date");
    if (c.atEnd()) {
        if (zoneless == ZonelessTime::Reject)
            return fail(text, "has no time zone and its column does not say UTC");
        return assemble(text, f, 0);
    }
    if (!c.take('T') && !c.take('t') && !c.take(' '))
        return fail(text, "is not an ISO 8601 date and time");
    f.h = c.number(2, 2);
    if (f.h < 0 || !c.take(':') || (f.mi = c.number(2, 2)) < 0)
        return fail(text, "is not an ISO 8601 time");
    if (c.take(':') && (f.s = c.number(2, 2)) < 0)
        return fail(text, "is not an ISO 8601 time");
    f.ms = fractionMs(c);
    c.skipSpaces();
    qint64 offset = 0;
    if (c.take('Z') || c.take('z')) {
        offset = 0;
    } else if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.peek() == '-' ? -1 : 1;
        c.take(c.peek());
        const int oh = c.number(2, 2);
        c.take(':');
        int om = 0;
        if (!c.atEnd())
            om = c.number(2, 2);
        if (oh < 0 || om < 0 || oh > 18 || om > 59)
            return fail(text, "has an unreadable UTC offset");
        offset = sign * (oh * 60 + om);
    } else if (c.atEnd()) {
        if (zoneless == ZonelessTime::Reject)
            return fail(text, "has no time zone and its column does not say UTC");
    } else {
        return fail(text, "has unexpected characters after the time");
    }
    if (!c.atEnd())
        return fail(text, "has unexpected trailing characters");
    return assemble(text, f, offset);
}

} // namespace backsight

#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <cmath>
#include <vector>

namespace backsight::sim {

// splitmix64: tiny, fast, and the same sequence on every platform (std distributions are not), so
// the same seed writes the same bytes everywhere.
class Random
{
public:
    explicit Random(quint64 seed) : state_(seed) {}
    // An independent stream for one purpose (a day, a user, an attack): results do not shift when
    // another stream draws more or fewer numbers.
    static Random stream(quint64 seed, quint64 a, quint64 b = 0)
    {
        Random r(seed ^ (a * 0xD1B54A32D192ED03ULL) ^ (b * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL));
        r.next();
        return r;
    }
    quint64 next()
    {
        quint64 z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 1 ? 0 : int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    // Index drawn with the weights whose running sums are `cumulative` (last element = total).
    int pick(const std::vector<double> &cumulative)
    {
        const double x = unit() * cumulative.back();
        int lo = 0, hi = int(cumulative.size()) - 1;
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (cumulative[size_t(mid)] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }
    QByteArray uuid()
    {
        static const char hex[] = "0123456789abcdef";
        const quint64 a = next(), b = next();
        QByteArray s(36, '-');
        int p = 0;
        auto put = [&](quint64 v, int nibbles) {
            for (int i = nibbles - 1; i >= 0; --i)
                s[p++] = hex[(v >> (4 * i)) & 0xf];
        };
        put(a >> 32, 8); ++p;
        put((a >> 16) & 0xffff, 4); ++p;
        s[p++] = '4';
        put(a & 0xfff, 3); ++p;
        put(0x8000 | ((b >> 48) & 0x3fff), 4); ++p;
        put(b & 0xffffffffffffULL, 12);
        return s;
    }

private:
    quint64 state_;
};

// Cumulative Zipf weights 1/(rank+1)^s for `n` ranks.
inline std::vector<double> zipfCumulative(int n, double s)
{
    std::vector<double> c;
    c.resize(size_t(n));
    double sum = 0;
    for (int k = 0; k < n; ++k) {
        sum += std::pow(double(k + 1), -s);
        c[size_t(k)] = sum;
    }
    return c;
}

} // namespace backsight::sim

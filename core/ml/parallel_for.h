#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace backsight::ml {

// Runs body(i) for i in [0, count) on up to `threads` threads (0 = hardware concurrency), handing out indices one at
// a time so uneven work balances itself. Returns when every call has returned.
template <typename F>
void parallelFor(int threads, std::int64_t count, F &&body)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<std::int64_t>(threads, count));
    if (threads <= 1) {
        for (std::int64_t i = 0; i < count; ++i)
            body(i);
        return;
    }
    std::atomic<std::int64_t> next{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (std::int64_t i = next++; i < count; i = next++)
                body(i);
        });
    for (std::thread &th : pool)
        th.join();
}

} // namespace backsight::ml

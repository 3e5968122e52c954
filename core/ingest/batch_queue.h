#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace backsight {

// A bounded queue between one producer thread and one consumer thread. close() ends it from either
// side: push() then refuses, pop() drains what is there and then returns nullopt.
template<typename T>
class BatchQueue
{
public:
    explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

    bool push(T item)
    {
        std::unique_lock lock(mutex_);
        notFull_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
        if (closed_)
            return false;
        items_.push_back(std::move(item));
        notEmpty_.notify_one();
        return true;
    }

    std::optional<T> pop()
    {
        std::unique_lock lock(mutex_);
        notEmpty_.wait(lock, [&] { return closed_ || !items_.empty(); });
        if (items_.empty())
            return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        notFull_.notify_one();
        return item;
    }

    void close()
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        notFull_.notify_all();
        notEmpty_.notify_all();
    }

    // Closes and drops what is queued (the consumer gave up).
    void abandon()
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        items_.clear();
        notFull_.notify_all();
        notEmpty_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable notFull_, notEmpty_;
    std::deque<T> items_;
    size_t capacity_;
    bool closed_ = false;
};

} // namespace backsight

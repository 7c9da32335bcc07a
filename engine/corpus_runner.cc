// Runs the pipeline over a corpus on worker threads, results in input order.
//
// Approach: a ring of `max_in_flight` slots indexed by sequence number, and
// `threads` workers, the calling thread one of them (Pool below). Each reads
// the next record in turn, runs the pipeline on it, and whoever finishes the
// oldest record hands the finished ones to the sink in input order. Ordering
// therefore costs nothing but the ring: a slow article holds back output,
// never correctness, and the ring bounds memory (every slot's buffers are
// reused). With one thread no worker is started and nothing is locked.
//
// Tested by tests/corpus_runner_test.cc.
#include "engine/corpus_runner.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace qg {
namespace {

using Clock = std::chrono::steady_clock;

// Runs the pipeline (and render) over one item, filling item.status on failure.
void Process(const RuleSet& rules, const Options& options, const RunnerOptions& runner,
             CorpusItem& item) {
  InputRecord& rec = item.record;
  if (!rec.status.ok()) return;
  try {
    if (!rec.processed) {
      Status s = RunPipeline(rules, options, rec.doc);
      if (!s.ok()) {
        std::string where = rec.line > 0 ? rec.file + ":" + std::to_string(rec.line) : rec.file;
        item.status = Status(s.code(), where + ": " + s.message());
        return;
      }
    }
    if (runner.render) runner.render(item);
  } catch (const std::exception& e) {
    // A throw inside a stage is a bug; it costs this article, not the run.
    item.status = Status(StatusCode::kInternal, rec.doc.id + ": internal error: " + e.what());
  }
}

// Counts what reached the sink. The input bytes come from `input_bytes`,
// which the threaded run keeps apart from the reader another thread may be
// advancing.
class ProgressClock {
 public:
  ProgressClock(const RunnerOptions& runner, std::function<uint64_t()> input_bytes)
      : runner_(runner), input_bytes_(std::move(input_bytes)), start_(Clock::now()), last_(start_) {}

  void Count(const CorpusItem& item) {
    ++counts_.articles;
    counts_.text_bytes += item.record.doc.text.size();
    if (!runner_.progress) return;
    Clock::time_point now = Clock::now();
    if (std::chrono::duration<double>(now - last_).count() < runner_.progress_interval_seconds) {
      return;
    }
    last_ = now;
    runner_.progress(Snapshot(now));
  }

  RunnerProgress Snapshot(Clock::time_point now) {
    counts_.input_bytes = input_bytes_();
    counts_.elapsed_seconds = std::chrono::duration<double>(now - start_).count();
    return counts_;
  }

 private:
  const RunnerOptions& runner_;
  std::function<uint64_t()> input_bytes_;
  Clock::time_point start_, last_;
  RunnerProgress counts_;
};

RunnerProgress RunInline(CorpusReader& reader, const RuleSet& rules, const Options& options,
                         const RunnerOptions& runner,
                         const std::function<bool(CorpusItem&)>& sink) {
  ProgressClock clock(runner, [&reader] { return reader.bytes_read(); });
  CorpusItem item;
  for (;;) {
    item.status = Status::Ok();
    item.rendered.clear();
    if (!reader.Next(item.record)) break;
    Process(rules, options, runner, item);
    clock.Count(item);
    if (!sink(item)) break;
  }
  return clock.Snapshot(Clock::now());
}

// The threaded run. Every thread, the calling one included, is a worker that
// takes turns at the reader: under read_mu_ it reads the next record into the
// ring slot of its sequence number (reading stays in input order, which
// renaming repeated ids needs), then runs the pipeline on it unlocked. A
// worker that finishes the oldest record in flight becomes the flusher: it
// hands every finished record from the oldest on to the sink, in order, and
// frees their slots. No thread waits on the others to read or write (an
// earlier design kept the calling thread for those, a third thread on two
// cores, and lost a fifth of the second core to it and to the hand-offs).
class Pool {
 public:
  Pool(CorpusReader& reader, const RuleSet& rules, const Options& options,
       const RunnerOptions& runner, const std::function<bool(CorpusItem&)>& sink, size_t capacity)
      : reader_(reader), rules_(rules), options_(options), runner_(runner), sink_(sink),
        clock_(runner, [this] { return input_bytes_.load(std::memory_order_relaxed); }),
        slots_(capacity) {}

  RunnerProgress Run(int threads) {
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i) helpers.emplace_back([this] { Work(); });
    Work();
    for (std::thread& t : helpers) t.join();
    if (error_) std::rethrow_exception(error_);
    return clock_.Snapshot(Clock::now());
  }

 private:
  struct Slot {
    CorpusItem item;
    bool done = false;
  };
  Slot& slot(uint64_t seq) { return slots_[seq % slots_.size()]; }

  void Work() {
    try {
      for (;;) {
        const uint64_t seq = Read();
        if (seq == kNone) return;
        CorpusItem& item = slot(seq).item;
        Process(rules_, options_, runner_, item);
        Finish(seq);
      }
    } catch (...) {
      // The sink threw (the stages' own exceptions stay in their item): stop.
      std::lock_guard<std::mutex> lock(mu_);
      if (!error_) error_ = std::current_exception();
      stop_ = true;
      space_cv_.notify_all();
    }
  }

  static constexpr uint64_t kNone = UINT64_MAX;

  // The next record read into its slot, or kNone at the end of the run.
  uint64_t Read() {
    std::lock_guard<std::mutex> reading(read_mu_);
    uint64_t seq;
    {
      std::unique_lock<std::mutex> lock(mu_);
      space_cv_.wait(lock, [&] { return stop_ || eof_ || next_in_ - next_out_ < slots_.size(); });
      if (stop_ || eof_) return kNone;
      seq = next_in_;
    }
    // The slot's last record went to the sink: no other thread touches it now.
    CorpusItem& item = slot(seq).item;
    item.status = Status::Ok();
    item.rendered.clear();
    const bool got = reader_.Next(item.record);
    input_bytes_.store(reader_.bytes_read(), std::memory_order_relaxed);
    std::lock_guard<std::mutex> lock(mu_);
    if (!got) {
      eof_ = true;
      space_cv_.notify_all();
      return kNone;
    }
    next_in_ = seq + 1;
    return seq;
  }

  // Marks `seq` done and, unless another thread is at it, flushes.
  void Finish(uint64_t seq) {
    std::unique_lock<std::mutex> lock(mu_);
    slot(seq).done = true;
    if (flushing_) return;  // the flusher will reach it
    flushing_ = true;
    while (!stop_ && next_out_ < next_in_ && slot(next_out_).done) {
      CorpusItem& head = slot(next_out_).item;
      lock.unlock();
      clock_.Count(head);
      bool more;
      try {
        more = sink_(head);
      } catch (...) {
        lock.lock();
        flushing_ = false;
        throw;
      }
      // Freed here, not by the next read into the slot, which holds read_mu_.
      head.record = InputRecord();
      lock.lock();
      slot(next_out_).done = false;
      ++next_out_;
      if (!more) stop_ = true;
      space_cv_.notify_all();
    }
    flushing_ = false;
  }

  CorpusReader& reader_;
  const RuleSet& rules_;
  const Options& options_;
  const RunnerOptions& runner_;
  const std::function<bool(CorpusItem&)>& sink_;
  ProgressClock clock_;  // the flusher's only
  std::vector<Slot> slots_;
  std::mutex read_mu_;  // held while reading: records are read one at a time, in order
  std::mutex mu_;       // guards everything below and the slots' done flags
  std::condition_variable space_cv_;
  uint64_t next_in_ = 0, next_out_ = 0;
  bool eof_ = false, stop_ = false, flushing_ = false;
  std::exception_ptr error_;
  std::atomic<uint64_t> input_bytes_{0};  // the reader's count, for the flusher's progress
};

}  // namespace

int ResolveThreadCount(int threads) {
  if (threads > 0) return threads;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

RunnerProgress RunCorpus(CorpusReader& reader, const RuleSet& rules, const Options& options,
                         const RunnerOptions& runner,
                         const std::function<bool(CorpusItem&)>& sink) {
  const int threads = ResolveThreadCount(runner.threads);
  if (threads == 1) return RunInline(reader, rules, options, runner, sink);
  const size_t capacity = runner.max_in_flight > 0 ? runner.max_in_flight : size_t(8) * threads;
  return Pool(reader, rules, options, runner, sink, capacity).Run(threads);
}

}  // namespace qg

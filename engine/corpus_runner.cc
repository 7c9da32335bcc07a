// Runs the pipeline over a corpus on worker threads, results in input order.
//
// Approach: a ring of `max_in_flight` slots indexed by sequence number. The
// calling thread is the only reader and the only writer: it reads a record into
// the next free slot and queues its number for the workers, and it hands the
// oldest slot to the sink once a worker has marked it done. Ordering therefore
// costs nothing but the ring: a slow article holds back output, never
// correctness, and the ring bounds memory (every slot's buffers are reused).
// Reading (JSON parsing of a line) stays on the calling thread because renaming
// repeated ids must see records in input order; the pipeline and rendering,
// nearly all of the work, run on the workers. With one thread no worker is
// started: the calling thread runs every record itself, with no locking.
//
// Tested by tests/corpus_runner_test.cc.
#include "engine/corpus_runner.h"

#include <chrono>
#include <condition_variable>
#include <deque>
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

class ProgressClock {
 public:
  ProgressClock(const RunnerOptions& runner, const CorpusReader& reader)
      : runner_(runner), reader_(reader), start_(Clock::now()), last_(start_) {}

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
    counts_.input_bytes = reader_.bytes_read();
    counts_.elapsed_seconds = std::chrono::duration<double>(now - start_).count();
    return counts_;
  }

 private:
  const RunnerOptions& runner_;
  const CorpusReader& reader_;
  Clock::time_point start_, last_;
  RunnerProgress counts_;
};

RunnerProgress RunInline(CorpusReader& reader, const RuleSet& rules, const Options& options,
                         const RunnerOptions& runner,
                         const std::function<bool(CorpusItem&)>& sink) {
  ProgressClock clock(runner, reader);
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

// The shared state of the threaded run. Slots are touched by one thread at a
// time: the reader until queued, one worker until done, the reader again after.
class Pool {
 public:
  Pool(const RuleSet& rules, const Options& options, const RunnerOptions& runner, int threads,
       size_t capacity)
      : rules_(rules), options_(options), runner_(runner), slots_(capacity) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }

  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      queue_.clear();
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  size_t capacity() const { return slots_.size(); }
  CorpusItem& item(uint64_t seq) { return slots_[seq % slots_.size()].item; }

  void Submit(uint64_t seq) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      slots_[seq % slots_.size()].done = false;
      queue_.push_back(seq);
    }
    work_cv_.notify_one();
  }

  // Whether `seq` is done; with `wait`, blocks until it is.
  bool Done(uint64_t seq, bool wait) {
    Slot& slot = slots_[seq % slots_.size()];
    std::unique_lock<std::mutex> lock(mu_);
    if (wait) done_cv_.wait(lock, [&] { return slot.done; });
    return slot.done;
  }

 private:
  struct Slot {
    CorpusItem item;
    bool done = true;
  };

  void Work() {
    for (;;) {
      uint64_t seq;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        seq = queue_.front();
        queue_.pop_front();
      }
      Slot& slot = slots_[seq % slots_.size()];
      Process(rules_, options_, runner_, slot.item);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slot.done = true;
      }
      // Only the reader waits on done_cv_, so one wake-up is enough.
      done_cv_.notify_one();
    }
  }

  const RuleSet& rules_;
  const Options& options_;
  const RunnerOptions& runner_;
  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<uint64_t> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;  // last: started after everything above exists
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

  size_t capacity = runner.max_in_flight > 0 ? runner.max_in_flight : size_t(8) * threads;
  Pool pool(rules, options, runner, threads, capacity);
  ProgressClock clock(runner, reader);
  uint64_t next_in = 0, next_out = 0;
  bool eof = false;
  for (;;) {
    const bool room = next_in - next_out < pool.capacity();
    if (!eof && room) {
      CorpusItem& item = pool.item(next_in);
      item.status = Status::Ok();
      item.rendered.clear();
      if (reader.Next(item.record)) {
        pool.Submit(next_in++);
      } else {
        eof = true;
      }
    }
    if (next_out == next_in) {
      if (eof) break;
      continue;
    }
    // Hand over the oldest record when it is ready; block for it only when no
    // more can be read (ring full or input done).
    const bool must_wait = eof || next_in - next_out >= pool.capacity();
    if (!pool.Done(next_out, must_wait)) continue;
    CorpusItem& head = pool.item(next_out++);
    clock.Count(head);
    if (!sink(head)) break;
  }
  return clock.Snapshot(Clock::now());
}

}  // namespace qg

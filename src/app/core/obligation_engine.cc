// SPDX-License-Identifier: Apache-2.0
#include "app/core/obligation_engine.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <optional>
#include <thread>
#include <vector>

#include "domain/obligations.h"
#include "domain/policy_file.h"
#include "store/obligation_repository.h"

namespace carecoord::app {
namespace {

// The built-in default, parsed once per process: every program without a stored policy shares
// it.
Result<std::shared_ptr<const Policy>> DefaultPolicy() {
  static const Result<std::shared_ptr<const Policy>> kDefault =
      []() -> Result<std::shared_ptr<const Policy>> {
    auto parsed = ParsePolicy(DefaultPolicyText());
    if (!parsed) {
      return Fail(ErrorCode::kInternal,
                  "the built-in default policy does not parse: " + parsed.error().message);
    }
    return std::make_shared<const Policy>(std::move(*parsed));
  }();
  return kDefault;
}

Result<PolicyInForce> ParseVersion(store::Connection& conn, const std::string& org_id,
                                   const std::string& program_id, std::int64_t version) {
  if (version == 0) {
    CARECOORD_TRY(policy, DefaultPolicy());
    return PolicyInForce{0, *policy};
  }
  CARECOORD_TRY(stored,
                store::ObligationRepository(conn).GetPolicyVersion(org_id, program_id, version));
  if (!*stored) return Fail(ErrorCode::kInternal, "a policy version vanished while being read");
  auto parsed = ParsePolicy((*stored)->source);
  // Stored versions were validated when saved; one that no longer parses is a broken invariant
  // (a parser change), not the caller's input.
  if (!parsed) {
    return Fail(ErrorCode::kInternal, "stored policy version " + std::to_string(version) +
                                          " does not parse: " + parsed.error().message);
  }
  return PolicyInForce{version, std::make_shared<const Policy>(std::move(*parsed))};
}

// What the table keeps of an evaluation (docs/worklists.md "Materialised").
store::EpisodeObligationSet Retained(const Policy& policy, const EpisodeFacts& facts, Instant now) {
  store::EpisodeObligationSet set;
  set.episode_id = facts.episode_id;
  set.program_id = facts.program_id;
  set.participant_id = facts.participant_id;
  std::vector<Obligation> all =
      EvaluateEpisodeFrom(policy, facts, now, RetentionStart(policy, now, facts.time_zone));
  set.obligations.reserve(all.size());
  for (Obligation& o : all) {
    if (RetainedInTable(policy, o, now, facts.time_zone)) set.obligations.push_back(std::move(o));
  }
  return set;
}

// Episodes per range read by one reader with one query per table.
constexpr std::size_t kEpisodesPerRange = 500;
// Episodes per writer transaction: on SQLite the writer holds the single write lock for the
// whole transaction, so transactions are large enough to amortise the commit (a WAL sync) and
// small enough that a user's write waits a fraction of a second at most.
constexpr std::size_t kEpisodesPerTransaction = 2000;
// Ranges evaluated but not yet written, at most, so readers faster than the writer do not hold
// a whole program in memory.
constexpr std::size_t kMaxPendingRanges = 16;
constexpr int kMaxThreads = 16;

struct Range {
  std::string first_id;
  std::string last_id;
};

struct EvaluatedRange {
  const Range* range = nullptr;
  std::vector<store::EpisodeObligationSet> sets;
};

// Hand-over between the readers and the writer. The first error stops everyone.
class RebuildQueue {
 public:
  explicit RebuildQueue(std::size_t ranges) : remaining_(ranges) {}

  // Blocks while the queue is full; false when the rebuild failed meanwhile.
  bool Push(EvaluatedRange r) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return failed_ || ready_.size() < kMaxPendingRanges; });
    if (failed_) return false;
    ready_.push_back(std::move(r));
    items_.notify_one();
    return true;
  }

  // The next evaluated range; nullopt when all were handed over or the rebuild failed.
  std::optional<EvaluatedRange> Pop() {
    std::unique_lock lock(mu_);
    items_.wait(lock, [&] { return failed_ || !ready_.empty() || remaining_ == 0; });
    if (failed_ || ready_.empty()) return std::nullopt;
    EvaluatedRange r = std::move(ready_.front());
    ready_.pop_front();
    --remaining_;
    space_.notify_one();
    return r;
  }

  bool Ready() {
    std::lock_guard lock(mu_);
    return !ready_.empty();
  }

  void Fail(Error e) {
    std::lock_guard lock(mu_);
    if (!failed_) error_ = std::move(e);
    failed_ = true;
    items_.notify_all();
    space_.notify_all();
  }

  bool failed() {
    std::lock_guard lock(mu_);
    return failed_;
  }
  Error error() {
    std::lock_guard lock(mu_);
    return error_;
  }

 private:
  std::mutex mu_;
  std::condition_variable items_;
  std::condition_variable space_;
  std::deque<EvaluatedRange> ready_;
  std::size_t remaining_;
  bool failed_ = false;
  Error error_;
};

void ReadAndEvaluate(store::Connection& conn, const std::string& org_id,
                     const std::string& program_id, const Policy& policy, Instant now,
                     const std::vector<Range>& ranges, std::atomic<std::size_t>& next,
                     RebuildQueue& queue) {
  store::ObligationFactsRepository facts_repo(conn);
  for (;;) {
    const std::size_t i = next.fetch_add(1);
    if (i >= ranges.size() || queue.failed()) return;
    auto facts = facts_repo.LoadRange(org_id, program_id, ranges[i].first_id, ranges[i].last_id);
    if (!facts) {
      queue.Fail(facts.error());
      return;
    }
    EvaluatedRange out;
    out.range = &ranges[i];
    out.sets.reserve(facts->size());
    for (const EpisodeFacts& f : *facts) out.sets.push_back(Retained(policy, f, now));
    if (!queue.Push(std::move(out))) return;
  }
}

// The writer's side: ranges in the order they arrive, kEpisodesPerTransaction per transaction.
Status WriteAll(store::Connection& conn, const std::string& org_id, const std::string& program_id,
                std::int64_t policy_version, Instant now, RebuildQueue& queue,
                RebuildCounts& counts) {
  store::ObligationRepository repo(conn);
  std::optional<EvaluatedRange> next = queue.Pop();
  while (next) {
    auto st = store::InTransaction(conn, [&]() -> Status {
      std::size_t episodes = 0;
      // Write what is ready up to the transaction's size, without waiting for slower readers
      // while holding the write lock.
      while (next) {
        CARECOORD_TRY(n, repo.ReplaceRange(org_id, program_id, next->range->first_id,
                                           next->range->last_id, next->sets, policy_version, now));
        counts.obligations += *n;
        counts.episodes += static_cast<std::int64_t>(next->sets.size());
        episodes += next->sets.size();
        next.reset();
        if (episodes >= kEpisodesPerTransaction || !queue.Ready()) break;
        next = queue.Pop();
      }
      return {};
    });
    if (!st) {
      queue.Fail(st.error());
      return st;
    }
    next = queue.Pop();
  }
  if (queue.failed()) return std::unexpected(queue.error());
  return {};
}

}  // namespace

Result<PolicyInForce> PolicyCache::InForce(store::Connection& conn, const std::string& org_id,
                                           const std::string& program_id) {
  CARECOORD_TRY(version,
                store::ObligationRepository(conn).PolicyVersionInForce(org_id, program_id));
  const auto key = std::make_pair(org_id, program_id);
  {
    std::lock_guard lock(mu_);
    if (auto it = parsed_.find(key); it != parsed_.end() && it->second.version == *version) {
      return it->second;
    }
  }
  // Parsed outside the lock: a policy file takes a while and other programs need not wait.
  CARECOORD_TRY(parsed, ParseVersion(conn, org_id, program_id, *version));
  std::lock_guard lock(mu_);
  auto& slot = parsed_[key];
  if (!slot.policy || slot.version < parsed->version) slot = *parsed;
  return *parsed;
}

Result<PolicyInForce> PolicyCache::InForceAt(store::Connection& conn, const std::string& org_id,
                                             const std::string& program_id, Instant at) {
  CARECOORD_TRY(current, InForce(conn, org_id, program_id));
  CARECOORD_TRY(version, store::ObligationRepository(conn).PolicyVersionAt(org_id, program_id, at));
  if (*version == current->version) return current;
  return ParseVersion(conn, org_id, program_id, *version);
}

Status ObligationRefresher::RefreshEpisode(store::Connection& conn, const std::string& org_id,
                                           const std::string& episode_id, Instant now) {
  CARECOORD_TRY(facts, store::ObligationFactsRepository(conn).Load(org_id, episode_id));
  if (!*facts) return Fail(ErrorCode::kNotFound, "No such episode.");
  CARECOORD_TRY(policy, policies_.InForce(conn, org_id, (*facts)->program_id));
  const store::EpisodeObligationSet set = Retained(*policy->policy, **facts, now);
  return store::ObligationRepository(conn).Replace(org_id, set, policy->version, now);
}

Status ObligationRefresher::RefreshParticipant(store::Connection& conn, const std::string& org_id,
                                               const std::string& participant_id, Instant now) {
  auto episodes =
      store::ObligationFactsRepository(conn).EpisodesOfParticipant(org_id, participant_id);
  if (!episodes) return std::unexpected(episodes.error());
  for (const std::string& id : *episodes) {
    if (auto st = RefreshEpisode(conn, org_id, id, now); !st) return st;
  }
  return {};
}

Result<RebuildCounts> RebuildProgramObligations(store::Database& db, PolicyCache& policies,
                                                const std::string& org_id,
                                                const std::string& program_id, Instant now,
                                                int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, kMaxThreads);
  CARECOORD_TRY(writer_conn, db.Acquire());
  CARECOORD_TRY(policy, policies.InForce(**writer_conn, org_id, program_id));
  std::vector<Range> ranges;
  {
    auto ids =
        store::ObligationFactsRepository(**writer_conn).EpisodesOfProgram(org_id, program_id);
    if (!ids) return std::unexpected(ids.error());
    ranges.reserve(ids->size() / kEpisodesPerRange + 1);
    for (std::size_t i = 0; i < ids->size(); i += kEpisodesPerRange) {
      const std::size_t last = std::min(i + kEpisodesPerRange, ids->size()) - 1;
      ranges.push_back({(*ids)[i], (*ids)[last]});
    }
  }
  RebuildCounts counts;
  if (ranges.empty()) return counts;
  threads = std::min<int>(threads, static_cast<int>(ranges.size()));
  // Each reader on its own connection: SQLite readers in WAL mode and PostgreSQL sessions read
  // concurrently with the writer.
  std::vector<store::PooledConnection> reader_conns;
  for (int t = 0; t < threads; ++t) {
    CARECOORD_TRY(conn, db.Acquire());
    reader_conns.push_back(std::move(*conn));
  }
  RebuildQueue queue(ranges.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> readers;
  readers.reserve(reader_conns.size());
  for (store::PooledConnection& conn : reader_conns) {
    readers.emplace_back([&, c = &*conn] {
      ReadAndEvaluate(*c, org_id, program_id, *policy->policy, now, ranges, next, queue);
    });
  }
  const Status written =
      WriteAll(**writer_conn, org_id, program_id, policy->version, now, queue, counts);
  for (std::thread& t : readers) t.join();
  if (!written) return std::unexpected(written.error());
  if (queue.failed()) return std::unexpected(queue.error());
  return counts;
}

}  // namespace carecoord::app

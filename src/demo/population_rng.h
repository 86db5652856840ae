// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "domain/ids.h"
#include "domain/time.h"

// The synthetic population's randomness: its own small generators, so that a seed gives the
// same data with every compiler and standard library (std::*_distribution output is
// implementation-defined). Internal to app/demo_population*.
namespace carecoord::demo::population {

// splitmix64 (Steele, Lea, Flood 2014): one step of a 64-bit mixing function.
constexpr std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A seed for the `index`-th member of `stream` (participants, staff, ...): every participant
// draws from its own generator, so its data depends only on (seed, index) and not on how the
// load is split into transactions.
constexpr std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  std::uint64_t s = seed;
  std::uint64_t a = SplitMix64(s) ^ (stream * 0xD1B54A32D192ED03ULL);
  std::uint64_t b = SplitMix64(a) ^ (index * 0x8CB92BA72F3D8DD7ULL);
  return SplitMix64(b);
}

// xoshiro256** (Blackman, Vigna 2018), seeded through splitmix64 as its authors recommend.
class Rng {
 public:
  explicit constexpr Rng(std::uint64_t seed) {
    for (auto& word : s_) word = SplitMix64(seed);
  }

  constexpr std::uint64_t Next() {
    const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) for n > 0 (modulo bias below 2^-40 for the n used here).
  constexpr std::uint64_t Below(std::uint64_t n) { return Next() % n; }
  // Uniform in [lo, hi]; lo when hi < lo.
  constexpr std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1), 53 bits.
  constexpr double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  constexpr bool Chance(double p) { return Unit() < p; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  template <typename T, std::size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Below(N)];
  }

  // A UUIDv7 whose time is `at_ms` and whose 74 random bits come from this generator, so ids
  // repeat with the seed.
  std::string Id(std::int64_t at_ms) {
    std::array<std::uint8_t, 10> bytes{};
    const std::uint64_t a = Next(), b = Next();
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<std::uint8_t>(a >> (8 * i));
    bytes[8] = static_cast<std::uint8_t>(b);
    bytes[9] = static_cast<std::uint8_t>(b >> 8);
    return FormatUuidV7(FromMillis(at_ms), bytes);
  }

 private:
  static constexpr std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

// A code with a relative weight, for PickWeighted.
struct Weighted {
  const char* code;
  int weight;
};

inline const char* PickWeighted(Rng& rng, std::span<const Weighted> items) {
  int total = 0;
  for (const Weighted& w : items) total += w.weight;
  auto r = static_cast<int>(rng.Below(static_cast<std::uint64_t>(total)));
  for (const Weighted& w : items) {
    if (r < w.weight) return w.code;
    r -= w.weight;
  }
  return items.back().code;
}

}  // namespace carecoord::demo::population

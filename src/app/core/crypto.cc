// SPDX-License-Identifier: Apache-2.0
#include "app/core/crypto.h"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "domain/ids.h"

namespace carecoord::app {

void EnsureCryptoReady() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) {
      std::fputs("carecoord: libsodium failed to initialise\n", stderr);
      std::abort();
    }
  });
}

Result<std::string> HashPassword(std::string_view password) {
  EnsureCryptoReady();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(ErrorCode::kInternal, "password hashing ran out of memory");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  EnsureCryptoReady();
  const std::string hash(encoded_hash);  // libsodium needs a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string NewToken() {
  EnsureCryptoReady();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> out{};
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(out.data());
}

std::string Sha256Hex(std::string_view data) {
  EnsureCryptoReady();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

std::string NewId(Instant now) {
  EnsureCryptoReady();
  std::array<std::uint8_t, 10> random{};
  randombytes_buf(random.data(), random.size());
  return FormatUuidV7(now, random);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  EnsureCryptoReady();
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace carecoord::app

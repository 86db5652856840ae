// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the server's tests: a real api::Handler that answers synchronously, from other
// threads, late, or never, and a Server running on 127.0.0.1 port 0 in a background thread.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "api/http.h"
#include "server/server.h"

namespace carecoord::server::testing {

inline constexpr std::size_t kBigBodySize = std::size_t{200} * 1024;

// Routes by path:
//   /healthz           {"status":"ok"}
//   /api/echo          synchronous; echoes what the server passed in, one "key=value" per line
//   /api/async         answered from another thread after 10 ms, with its own Cache-Control
//   /api/slow          answered from another thread after 300 ms; marks slow_started
//   /api/hold          kept until ReleaseHeld() (or the handler's destruction)
//   /api/drop          the responder is dropped without being called
//   /api/throw         Handle throws
//   /api/bad-headers   a response header with CR LF in its value
//   /api/big           200 KiB of 'b', answered from another thread
//   anything else      404
class TestHandler : public api::Handler {
 public:
  ~TestHandler() override {
    ReleaseHeld();
    std::vector<std::thread> workers;
    {
      std::lock_guard lock(mu_);
      workers.swap(workers_);
    }
    for (std::thread& worker : workers) worker.join();
  }

  void Handle(api::Request request, api::Responder respond) override {
    calls.fetch_add(1);
    const std::string path = request.target.substr(0, request.target.find('?'));
    if (path == "/healthz") {
      respond(Json(200, R"({"status":"ok"})"));
    } else if (path == "/api/echo") {
      std::string body = "method=" + request.method + "\ntarget=" + request.target +
                         "\nbody=" + request.body + "\nremote=" + request.remote_address +
                         "\nsecure=" + (request.secure ? "1" : "0") +
                         "\nx-test=" + std::string(request.HeaderValue("x-test")) + "\n";
      for (const api::Header& header : request.headers) body += "header:" + header.name + "\n";
      api::Response response;
      response.SetHeader("content-type", "text/plain; charset=utf-8");
      response.body = std::move(body);
      respond(std::move(response));
    } else if (path == "/api/async" || path == "/api/slow") {
      const bool slow = path == "/api/slow";
      if (slow) slow_started.fetch_add(1);
      Spawn([respond = std::move(respond), slow] {
        std::this_thread::sleep_for(std::chrono::milliseconds(slow ? 300 : 10));
        api::Response response = Json(200, slow ? R"({"slow":"done"})" : R"({"async":true})");
        response.SetHeader("cache-control", "private, max-age=5");
        respond(std::move(response));
      });
    } else if (path == "/api/big") {
      Spawn([respond = std::move(respond)] {
        api::Response response;
        response.SetHeader("content-type", "application/octet-stream");
        response.body.assign(kBigBodySize, 'b');
        respond(std::move(response));
      });
    } else if (path == "/api/hold") {
      std::lock_guard lock(mu_);
      held_.push_back(std::move(respond));
      held_count.fetch_add(1);
    } else if (path == "/api/drop") {
      // Drops `respond` on return.
    } else if (path == "/api/throw") {
      throw std::runtime_error("handler failure");
    } else if (path == "/api/bad-headers") {
      api::Response response = Json(200, "{}");
      response.SetHeader("x-injected", "a\r\nSet-Cookie: evil=1");
      response.SetHeader("x-fine", "yes");
      response.SetHeader("content-length", "9999");
      response.SetHeader("x-frame-options", "ALLOWALL");
      respond(std::move(response));
    } else {
      respond(Json(404, R"({"type":"/problems/not_found","title":"Not found","status":404})"));
    }
  }

  // Answers every /api/hold request now (from the calling thread).
  void ReleaseHeld() {
    std::vector<api::Responder> held;
    {
      std::lock_guard lock(mu_);
      held.swap(held_);
    }
    for (api::Responder& respond : held) respond(Json(200, R"({"held":"released"})"));
  }

  std::atomic<int> calls{0};
  std::atomic<int> slow_started{0};
  std::atomic<int> held_count{0};

 private:
  static api::Response Json(int status, std::string body) {
    api::Response response;
    response.status = status;
    response.SetHeader("content-type", "application/json");
    response.body = std::move(body);
    return response;
  }

  template <typename F>
  void Spawn(F work) {
    std::lock_guard lock(mu_);
    workers_.emplace_back(std::move(work));
  }

  std::mutex mu_;
  std::vector<std::thread> workers_;
  std::vector<api::Responder> held_;
};

// Polls `condition` every 5 ms for up to 10 s; returns whether it became true.
template <typename F>
bool Eventually(F condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

// A Server on 127.0.0.1, port 0, with Run() on a background thread.
class RunningServer {
 public:
  RunningServer(ServerConfig config, api::Handler& handler) {
    config.bind_address = "127.0.0.1";
    config.port = 0;
    if (config.threads == 0) config.threads = 2;
    Result<std::unique_ptr<Server>> created = Server::Create(std::move(config), handler);
    if (!created) {
      ADD_FAILURE() << "Server::Create: " << created.error().message;
      return;
    }
    server_ = std::move(*created);
    std::promise<void> finished;
    finished_ = finished.get_future();
    thread_ = std::thread([this, finished = std::move(finished)]() mutable {
      server_->Run();
      finished.set_value();
    });
  }

  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  ~RunningServer() {
    if (!StopAndWait()) {
      // Run() never returned: joining would hang the whole test binary.
      ADD_FAILURE() << "Server::Run did not return after Stop";
      std::abort();
    }
  }

  bool Ok() const { return server_ != nullptr; }
  unsigned short Port() const { return server_->port(); }
  Server& Get() { return *server_; }

  // Stops the server and waits (up to 30 s) for Run() to return. Returns whether it did.
  bool StopAndWait() {
    if (!thread_.joinable()) return true;
    server_->Stop();
    if (finished_.wait_for(std::chrono::seconds(30)) != std::future_status::ready) return false;
    thread_.join();
    return true;
  }

 private:
  std::unique_ptr<Server> server_;
  std::future<void> finished_;
  std::thread thread_;
};

}  // namespace carecoord::server::testing

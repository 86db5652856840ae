// SPDX-License-Identifier: Apache-2.0
#include "api/api.h"

#include <boost/url/parse.hpp>

#include <memory>

#include "api/body_schema.h"
#include "api/handlers.h"
#include "api/problem.h"
#include "api/router.h"
#include "app/core/crypto.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

// The session token from "Authorization: Bearer T", else from the session cookie.
struct Credentials {
  std::string token;
  bool from_cookie = false;
};

Credentials FindCredentials(const Request& request) {
  const std::string_view auth = request.HeaderValue("authorization");
  if (auth.size() > 7 && (auth.starts_with("Bearer ") || auth.starts_with("bearer "))) {
    return {std::string(auth.substr(7)), false};
  }
  std::string_view cookies = request.HeaderValue("cookie");
  const std::string_view name = kSessionCookie;
  while (!cookies.empty()) {
    const std::size_t semi = cookies.find(';');
    std::string_view pair = cookies.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return {std::string(pair.substr(name.size() + 1)), true};
    }
    if (semi == std::string_view::npos) break;
    cookies.remove_prefix(semi + 1);
  }
  return {};
}

bool IsSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD";
}

// Sends `response` once the request's audit events are durable, then sent (DESIGN §4 "Audit":
// recorded before the response leaves). If they cannot be written the caller gets 503 and no
// data.
void RespondAudited(app::Services& services, const Request& request, app::Context& ctx,
                    Responder& respond, Response response) {
  if (request.method == "HEAD") response.body.clear();
  if (ctx.read_events.empty()) {
    respond(std::move(response));
    return;
  }
  services.CommitReads(
      ctx, [respond = std::move(respond), response = std::move(response)](Status st) mutable {
        if (st) {
          respond(std::move(response));
        } else {
          respond(ProblemResponse(503, "The service is busy; try again shortly."));
        }
      });
}

}  // namespace

Api::Api(app::Services& services, unsigned slow_threads) : services_(services) {
  for (unsigned i = 0; i < std::max(1u, slow_threads); ++i) {
    slow_threads_.emplace_back([this] { SlowWorker(); });
  }
}

Api::~Api() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : slow_threads_) t.join();
}

void Api::SlowWorker() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !slow_queue_.empty(); });
      if (slow_queue_.empty()) return;
      job = std::move(slow_queue_.front());
      slow_queue_.pop_front();
    }
    job();
  }
}

void Api::Handle(Request request, Responder respond) {
  auto parsed = boost::urls::parse_origin_form(request.target);
  if (!parsed) {
    respond(ProblemResponse(400, "the request target is not a valid URL path", "path"));
    return;
  }
  const std::string path = parsed->path();
  const RouteMatch match = MatchRoute(request.method, path);
  if (match.route == nullptr) {
    if (match.path_exists) {
      Response r = ProblemResponse(405, "this method is not allowed on " + path);
      r.SetHeader("allow", match.allow);
      respond(std::move(r));
    } else {
      respond(ProblemResponse(404, "no API route " + path));
    }
    return;
  }
  if (match.route->slow) {
    struct Job {
      Request request;
      Responder respond;
      RouteMatch match;
    };
    auto job = std::make_shared<Job>(Job{std::move(request), std::move(respond), match});
    {
      std::lock_guard lock(mu_);
      slow_queue_.push_back([this, job] { Dispatch(job->request, job->respond, job->match); });
    }
    cv_.notify_one();
    return;
  }
  Dispatch(request, respond, match);
}

void Api::Dispatch(const Request& request, Responder& respond, const RouteMatch& match) {
  const Route& route = *match.route;
  Call call{request, match.params, {}, services_, {}, false, {}, {}};
  // Already validated by Handle; parsed again here because a slow route's request has moved.
  auto parsed = boost::urls::parse_origin_form(request.target);
  for (const auto& param : parsed->params()) {
    if (call.query.size() >= 32) {
      respond(ProblemResponse(400, "too many query parameters", "query"));
      return;
    }
    call.query.emplace_back(param.key, param.value);
  }

  const PermissionRule* rule = FindRule(route.action);
  if (rule == nullptr) {  // default-deny; the route-table test keeps this unreachable
    respond(ProblemResponse(403, "this route has no permission rule"));
    return;
  }
  if (rule->audience != Audience::kAnyone) {
    Credentials cred = FindCredentials(request);
    if (cred.token.empty()) {
      respond(ProblemResponse(401, "Sign in first: no session cookie or bearer token was sent."));
      return;
    }
    auto actor = services_.auth.Authenticate(cred.token);
    if (!actor) {
      respond(ErrorResponse(actor.error()));
      return;
    }
    // Cookies are sent by the browser on its own; an unsafe request riding on one must also
    // prove it came from our page by echoing the CSRF token (bearer tokens cannot be forged
    // that way).
    if (cred.from_cookie && !IsSafeMethod(request.method) &&
        !app::AuthService::CsrfMatches(cred.token, request.HeaderValue("x-csrf-token"))) {
      respond(ProblemResponse(403, "missing or wrong X-CSRF-Token header for a cookie session",
                              "X-CSRF-Token"));
      return;
    }
    call.ctx.actor = std::move(*actor);
    // Issue 11: the role, and for a route whose path names a participant's record the
    // relationship with that participant, are decided before anything reads the body or the
    // Idempotency-Key and If-Match headers: a caller who may not use the route learns nothing
    // of what it expects. The refusal (403, or the use case's 404) is audited like a read.
    const std::string no_id;
    const std::string& id = call.path_params.empty() ? no_id : call.path_params.front();
    if (auto st = services_.AuthorizeRequest(call.ctx, route.action, route.subject, id); !st) {
      RespondAudited(services_, request, call.ctx, respond, ErrorResponse(st.error()));
      return;
    }
    if (request.method == "POST") {
      // DESIGN §4: POSTs accept an idempotency key; the use case honours it (app/idempotency.h).
      std::string key(request.HeaderValue("idempotency-key"));
      if (auto st = app::ValidateIdempotencyKey(key); !st) {
        respond(ErrorResponse(st.error()));
        return;
      }
      call.ctx.request_fingerprint =
          app::Sha256Hex(request.method + " " + std::string(request.target) + "\n" + request.body);
      call.ctx.idempotency_key = std::move(key);
    }
    call.cookie_session = cred.from_cookie;
    call.session_token = std::move(cred.token);
  }

  // The body, last of all and only for a caller who may use the route: parsed once and checked
  // against the shape the route declares (api/body_schema.h), so the handler reads it from
  // call.body without checking types, lengths or unknown members again.
  if (!route.request_schema.empty()) {
    auto body = ReadRequestBody(request, route.request_schema);
    if (!body) {
      RespondAudited(services_, request, call.ctx, respond, ErrorResponse(body.error()));
      return;
    }
    call.body = std::move(*body);
  }

  RespondAudited(services_, request, call.ctx, respond, route.handler(call));
}

}  // namespace carecoord::api

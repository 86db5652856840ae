// SPDX-License-Identifier: Apache-2.0
// The one translation unit that compiles Boost.Asio, Asio's SSL support and Boost.Beast
// (BOOST_*_SEPARATE_COMPILATION is set for the whole server target). Everything else in the
// server includes their headers for declarations only, which keeps rebuilds fast.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>

// SPDX-License-Identifier: Apache-2.0
// A program's policy: its rules in plain language and the TOML file behind them
// (docs/worklists.md "Policy file").
import type { Schemas } from './schema';

export type PolicyRule = Schemas['PolicyRule'];
/** `version` 0: the built-in default. */
export type Policy = Schemas['Policy'];
/** The answer to a change: the policy and how many episodes were re-evaluated under it. */
export type ReplacedPolicy = Schemas['ReplacedPolicy'];
export type PolicyCheck = Schemas['PolicyValidation'];
type ListedPolicyError = NonNullable<Schemas['PolicyProblem']['errors']>[number];
/** One fault of a malformed policy file; a 400 without a list gives only its message. */
export type PolicyError = Partial<ListedPolicyError> & Pick<ListedPolicyError, 'message'>;

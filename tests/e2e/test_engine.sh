#!/usr/bin/env bash
# The worked examples of docs/model.md logged through the command line and read
# back with show --json, field by field, to 4 decimals.
. "$(dirname "$0")/lib.sh"

# log_days FIRST_DAY_OF_MARCH COUNT REST MINUTES: consecutive days of (R, A).
log_days() {
	local d=$1 n=$2 rest=$3 act=$4 i
	for ((i = 0; i < n; i++)); do
		if [ "$act" -gt 0 ]; then
			rw log --date "$(printf '2026-03-%02d' $((d + i)))" --rest "$rest" --activity "walking:$act" --future
		else
			rw log --date "$(printf '2026-03-%02d' $((d + i)))" --rest "$rest" --future
		fi
		expect_rc 0 "log day $((d + i))"
	done
}

# expect_day INDEX FIELD=VALUE...: compare show --json's day INDEX.
expect_day() {
	local i=$1 kv k v got
	shift
	for kv in "$@"; do
		k=${kv%%=*}
		v=${kv#*=}
		got=$(json "d['days'][$i]['$k']")
		expect_eq "$got" "$v" "day $i $k"
	done
}

t_example_a_five_days_in_bed() {
	log_days 2 5 24 0
	rw show --json
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]]')" '[24.0, 48.0, 72.0, 96.0, 120.0]'
	expect_eq "$(json '[x["loss_days"] for x in d["days"]]')" '[0.0, 0.0, 1.0, 1.0, 1.0]'
	expect_eq "$(json '[x["level"] for x in d["days"]]')" \
		'["resting", "resting", "clot-risk", "clot-risk", "clot-risk"]'
	expect_eq "$(json '[x["clot_risk"] for x in d["days"]]')" '[false, false, true, true, true]'
	expect_day 4 muscle_loss_low=2.9701 muscle_loss_high=4.4328 cardio_loss_low=0.8973 \
		cardio_loss_high=4.4328 bone_loss_low=0.099 bone_loss_high=0.3865
	# Exactly 48 hours is not past 48 hours.
	expect_day 1 level=resting muscle_loss_high=0.0
	# The exact text of the numbers: 4 decimals.
	expect_match "$OUT" '"muscle_loss_low":2\.9701,"muscle_loss_high":4\.4328'
}

t_example_b_partial_rest_with_a_short_walk() {
	log_days 2 6 16 20
	rw show --json
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]]')" \
		'[10.6667, 21.3333, 32.0, 42.6667, 53.3333, 64.0]'
	expect_eq "$(json '[x["loss_days"] for x in d["days"]]')" '[0.0, 0.0, 0.0, 0.0, 0.2222, 0.4444]'
	expect_eq "$(json '[x["level"] for x in d["days"]][3:]')" '["resting", "deconditioning", "deconditioning"]'
	expect_day 5 muscle_loss_low=0.6657 muscle_loss_high=0.9978 cardio_loss_low=0.1999 \
		cardio_loss_high=0.9978 bone_loss_low=0.022 bone_loss_high=0.086
}

t_example_c_six_days_in_bed_then_four_ordinary() {
	log_days 2 6 24 0
	log_days 8 4 8 60
	rw show --json
	expect_day 5 muscle_loss_low=3.9404 muscle_loss_high=5.8663 cardio_loss_low=1.1946 \
		cardio_loss_high=5.8663 bone_loss_low=0.1319 bone_loss_high=0.515
	expect_day 9 level=recovering rest_clock_hours=0.0 muscle_loss_low=1.9404 \
		muscle_loss_high=3.8663 cardio_loss_low=0.5946 cardio_loss_high=3.8663 \
		bone_loss_low=0.0989 bone_loss_high=0.4505
}

t_example_d_water_therapy_ends_an_episode() {
	log_days 2 3 20 0
	rw log --date 2026-03-05 --rest 20 --activity water-therapy:90
	rw log --date 2026-03-06 --rest 20 --activity water-therapy:180
	rw show --json
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]]')" '[18.0, 36.0, 54.0, 63.0, 0.0]'
	expect_day 3 muscle_loss_low=0.6241 muscle_loss_high=0.9354
	expect_day 4 muscle_loss_low=0.1241 muscle_loss_high=0.4354 cardio_loss_low=0.0374 \
		cardio_loss_high=0.4354 bone_loss_low=0.0124 bone_loss_high=0.0645
}

# Editing the past recomputes what follows; the journal stays sound.
t_edit_in_the_past_recomputes() {
	log_days 2 5 24 0
	rw log --date 2026-03-03 --rest 8 --activity walking:60
	rw show --json
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]]')" '[24.0, 0.0, 24.0, 48.0, 72.0]'
	expect_day 4 level=clot-risk muscle_loss_low=1.0 muscle_loss_high=1.5
	rw check
	expect_rc 0
	rw undo
	rw show --json
	expect_day 4 muscle_loss_low=2.9701
}

# Example E: a missed day inside a week in bed holds the clock (version 1
# reset it and never warned).
t_example_e_missed_day_holds_the_clock() {
	rw log --date 2026-03-02 --rest 24
	rw log --date 2026-03-03 --rest 24
	rw log --date 2026-03-05 --rest 24
	rw log --date 2026-03-06 --rest 24
	rw show --json
	expect_eq "$(json '[x["logged"] for x in d["days"]]')" '[true, true, false, true, true]'
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]]')" '[24.0, 48.0, 48.0, 72.0, 96.0]'
	expect_eq "$(json '[x["bed_days"] for x in d["days"]]')" '[1, 2, 2, 3, 4]'
	expect_eq "$(json '[x["level"] for x in d["days"]]')" \
		'["resting", "resting", "resting", "clot-risk", "clot-risk"]'
	expect_eq "$(json 'd["days"][2]["rest_hours"]')" null
	expect_day 4 muscle_loss_low=1.99 muscle_loss_high=2.9775 cardio_loss_low=0.5991 \
		cardio_loss_high=2.9775 bone_loss_low=0.066 bone_loss_high=0.2578
	rw report --format csv
	expect_match "$OUT" '2026-03-05,24,,,,,,,,0,72\.0000,1\.0000,clot-risk,true,false,1\.0000,1\.5000,0\.3000,1\.5000,0\.0330,0\.1290,3,none,false,0'
}

# Example F: a long gap, both red-flag tiers and a pain run.
t_example_f_long_gap_red_flags_and_pain() {
	rw log --date 2026-03-02 --rest 24 --pain 6
	rw log --date 2026-03-03 --rest 24 --pain 6 --symptom fever
	rw log --date 2026-03-04 --rest 24 --pain 5 --symptom saddle-numbness --symptom fever
	rw log --date 2026-03-08 --rest 8 --pain 4
	rw log --date 2026-03-09 --rest 8 --activity walking:30
	rw show --json
	expect_eq "$(json '[x["urgency"] for x in d["days"]]')" \
		'["none", "urgent", "emergency", "none", "none", "none", "none", "none"]'
	expect_eq "$(json '[x["red_flag"] for x in d["days"]]')" \
		'[false, true, true, false, false, false, false, false]'
	expect_eq "$(json '[x["pain_days"] for x in d["days"]]')" '[1, 2, 3, 4, 5, 0, 1, 2]'
	expect_eq "$(json '[x["rest_clock_hours"] for x in d["days"]]')" \
		'[24.0, 48.0, 72.0, 72.0, 72.0, 0.0, 0.0, 0.0]'
	expect_eq "$(json '[x["clot_watch"] for x in d["days"]]')" \
		'[false, false, false, false, false, true, true, true]'
	expect_day 5 level=recovering muscle_loss_low=0.5 muscle_loss_high=1.0
	expect_day 7 muscle_loss_low=0.0 muscle_loss_high=0.0 cardio_loss_low=0.0 \
		cardio_loss_high=0.0 bone_loss_low=0.0083 bone_loss_high=0.0806
	rw report --format json
	expect_eq "$(json '[x["urgency"] for x in d["days"]][:3]')" '["none", "urgent", "emergency"]'
	# d7's muscle and fitness are back to 0 / 0; what the arithmetic leaves
	# (about 1e-15) reads as 0 where people read it, never "<0.1".
	RESTWATCH_TODAY=2026-03-08 rw status
	expect_match "$OUT" 'muscle 0% cardio 0% bone <0\.1-0\.1%'
	RESTWATCH_TODAY=2026-03-08 rw report
	expect_no_match "$OUT" 'muscle 0-<0\.1|cardio 0-<0\.1'
}

t_day_without_rest_hours_counts_as_sleep() {
	rw log --date 2026-03-02 --rest 24
	rw log --date 2026-03-03 --pain 5
	rw show --json
	expect_day 1 rest_hours=null logged=true rest_clock_hours=0.0 pain=5
}

t_parameters_change_every_projection() {
	log_days 2 3 24 0
	rw config clot_days 2
	rw show --json
	expect_eq "$(json '[x["level"] for x in d["days"]]')" '["resting", "clot-risk", "clot-risk"]'
	rw config clot_hours 48
	expect_rc 64
	rw config sleep_hours 7
	expect_rc 0
	rw config muscle_rate_low 2
	expect_rc 65
	expect_match "$ERR" "muscle_rate_low"
	rw config muscle_rate_high 3
	rw config muscle_rate_low 2
	expect_rc 0
	rw show --json
	expect_day 2 muscle_loss_low=2.0 muscle_loss_high=3.0
	rw check
	expect_rc 0
}

run_tests

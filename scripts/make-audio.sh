#!/usr/bin/env bash
# Regenerates every Walkaway sound from nothing with sox: no samples, no downloads.
# The files in assets/audio/ are build products of this script; edit here, then rerun.
#
#   scripts/make-audio.sh            # writes assets/audio/<id>.ogg and <id>.mp3
#
# One palette throughout: soft marimba/bell tones (a sine plus a faint overtone,
# instant attack, quick logarithmic decay) so every cue sounds like the same office.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/assets/audio"
RATE=22050          # mono 22.05 kHz: the highest overtone we use stays below Nyquist, files stay tiny
OGG_QUALITY=0       # vorbis quality (-1..10); 0 is ~30 kbit/s mono, plenty for soft tones
MP3_BITRATE=40      # kbit/s; 22.05 kHz mp3 is MPEG-2 layer III, which every browser decodes

command -v sox >/dev/null || { echo "make-audio: sox is required (apt-get install sox libsox-fmt-all)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# -R: repeatable runs. -D: no dither noise on soft tails. -V2: show clipping warnings, nothing chattier.
# sox -m scales each input by 1/n so sums never clip; finish() normalises the level afterwards.
SOX=(sox -R -D -V2)

calc() { awk "BEGIN { printf \"%.4f\", $* }"; }

# Note frequencies (equal temperament, A4 = 440 Hz).
A2=110.00; C3=130.81; A3=220.00; C4=261.63; E4=329.63; F4=349.23; G4=392.00; A4=440.00; B4=493.88
C5=523.25; D5=587.33; E5=659.26; F5=698.46; G5=783.99; A5=880.00; C6=1046.50; D6=1174.66; G6=1567.98

# note OUT DURATION FREQ [GAIN_DB] [OVERTONE_RATIO]
# Marimba-like by default (4x overtone); pass 2.76 for a rounder bell. FREQ may be a
# sox sweep ("466-554") so a single note can lean up or down like a spoken question.
note() {
  local out=$1 dur=$2 freq=$3 gain=${4:-0} ratio=${5:-4}
  local lo hi over
  if [[ $freq == *-* ]]; then
    lo=${freq%-*}; hi=${freq#*-}
    over="$(calc "$lo * $ratio")-$(calc "$hi * $ratio")"
  else
    over=$(calc "$freq * $ratio")
  fi
  # Two generated channels (fundamental, overtone) remixed to mono so the overtone stays faint.
  "${SOX[@]}" -r "$RATE" -c 2 -n -c 1 -b 16 "$out" \
    synth "$dur" sine "$freq" sine "$over" remix 1v0.85,2v0.12 \
    fade l 0.004 "$dur" "$(calc "$dur - 0.004")" gain "$gain"
}

# thud OUT DURATION FREQ_SWEEP: a triangle wave (odd harmonics so it is audible on laptop
# speakers) with a falling pitch, low-passed so it stays a muffled knock, never a buzz.
thud() {
  local out=$1 dur=$2 freq=$3
  "${SOX[@]}" -n -r "$RATE" -c 1 -b 16 "$out" \
    synth "$dur" triangle "$freq" lowpass 700 fade l 0.003 "$dur" "$(calc "$dur - 0.003")"
}

# sequence OUT START:FILE...  places notes on a timeline and sums them.
sequence() {
  local out=$1; shift
  local inputs=() i=0 spec start file
  for spec in "$@"; do
    start=${spec%%:*}; file=${spec#*:}
    "${SOX[@]}" "$file" "$WORK/seq-$i.wav" pad "$start"
    inputs+=("$WORK/seq-$i.wav")
    i=$((i + 1))
  done
  if (( i == 1 )); then cp "$WORK/seq-0.wav" "$out"; else "${SOX[@]}" -m "${inputs[@]}" "$out"; fi
}

# finish ID WAV DURATION PEAK_DB: exact length, consistent loudness, short fade so nothing clicks.
finish() {
  local id=$1 wav=$2 dur=$3 peak=$4
  local final="$WORK/$id.final.wav"
  # Pad in its own pass: when trim cuts before the padding is reached, sox warns about it.
  "${SOX[@]}" "$wav" "$WORK/$id.padded.wav" pad 0 "$dur"
  "${SOX[@]}" "$WORK/$id.padded.wav" "$final" trim 0 "$dur" norm "$peak" fade t 0 "$dur" 0.015
  "${SOX[@]}" "$final" -C "$OGG_QUALITY" "$OUT/$id.ogg"
  "${SOX[@]}" "$final" -C "$MP3_BITRATE" "$OUT/$id.mp3"
  printf 'wrote %-38s %6s bytes\n' "assets/audio/$id.ogg" "$(wc -c <"$OUT/$id.ogg")"
  printf 'wrote %-38s %6s bytes\n' "assets/audio/$id.mp3" "$(wc -c <"$OUT/$id.mp3")"
}

T=$WORK  # short alias for the note scratch files below

# --- UI -----------------------------------------------------------------------------------
# ui-click: a dry, high tick; short enough not to mask speech-like dialogue cues.
note "$T/click.wav" 0.06 "$D6" 0 3
finish ui-click "$T/click.wav" 0.06 -12

# ui-hover: the same tick family, lower and much quieter, because it fires constantly.
note "$T/hover.wav" 0.04 "$G5" 0 3
finish ui-hover "$T/hover.wav" 0.04 -18

# choice: a two-tap confirm (G5 then D6, a fifth) so picking an answer feels settled.
note "$T/choice-1.wav" 0.10 "$G5"
note "$T/choice-2.wav" 0.10 "$D6"
sequence "$T/choice.wav" 0:"$T/choice-1.wav" 0.05:"$T/choice-2.wav"
finish choice "$T/choice.wav" 0.15 -9

# prep-tick: a rising fourth (E5 -> A5): progress, not reward.
note "$T/prep-1.wav" 0.14 "$E5"
note "$T/prep-2.wav" 0.15 "$A5"
sequence "$T/prep.wav" 0:"$T/prep-1.wav" 0.10:"$T/prep-2.wav"
finish prep-tick "$T/prep.wav" 0.25 -9

# --- Counterpart reaction stings --------------------------------------------------------------
# sting-pleased: warm rising major third (C5 -> E5) in the rounder bell timbre, both ringing.
note "$T/pleased-1.wav" 0.50 "$C5" 0 2.76
note "$T/pleased-2.wav" 0.35 "$E5" 0 2.76
sequence "$T/pleased.wav" 0:"$T/pleased-1.wav" 0.15:"$T/pleased-2.wav"
finish sting-pleased "$T/pleased.wav" 0.50 -8

# sting-skeptical: "hm?" - a note that leans up, then one that leans back down.
note "$T/skeptical-1.wav" 0.22 "466.16-554.37"
note "$T/skeptical-2.wav" 0.28 "587.33-493.88"
sequence "$T/skeptical.wav" 0:"$T/skeptical-1.wav" 0.22:"$T/skeptical-2.wav"
finish sting-skeptical "$T/skeptical.wav" 0.50 -9

# sting-annoyed: two low knocks a semitone apart (A2/Bb2 region) falling in pitch: displeasure
# without alarm.
thud "$T/annoyed-1.wav" 0.45 "140-100"
thud "$T/annoyed-2.wav" 0.45 "148.3-106"
note "$T/annoyed-3.wav" 0.30 "$A2" -6 2.76
sequence "$T/annoyed.wav" 0:"$T/annoyed-1.wav" 0:"$T/annoyed-2.wav" 0:"$T/annoyed-3.wav"
finish sting-annoyed "$T/annoyed.wav" 0.45 -6

# sting-pressing: a clock's tick-tock, five beats in 0.6 s: time is running out.
note "$T/tick.wav" 0.05 "$G6" 0 2.7
note "$T/tock.wav" 0.05 "$D6" 0 2.7
sequence "$T/pressing.wav" \
  0:"$T/tick.wav" 0.12:"$T/tock.wav" 0.24:"$T/tick.wav" 0.36:"$T/tock.wav" 0.48:"$T/tick.wav"
finish sting-pressing "$T/pressing.wav" 0.60 -10

# --- Outcome music ----------------------------------------------------------------------------
# outcome-deal: a C major arpeggio that lands on a full chord over a low C.
note "$T/deal-c5.wav" 0.45 "$C5"
note "$T/deal-e5.wav" 0.45 "$E5"
note "$T/deal-g5.wav" 0.45 "$G5"
note "$T/deal-c6.wav" 0.55 "$C6"
note "$T/deal-chord-c3.wav" 1.75 "$C3" 0 2.76
note "$T/deal-chord-c5.wav" 1.75 "$C5" -2 2.76
note "$T/deal-chord-e5.wav" 1.75 "$E5" -3 2.76
note "$T/deal-chord-g5.wav" 1.75 "$G5" -3 2.76
note "$T/deal-chord-c6.wav" 1.75 "$C6" -4 2.76
sequence "$T/deal.wav" \
  0:"$T/deal-c5.wav" 0.15:"$T/deal-e5.wav" 0.30:"$T/deal-g5.wav" 0.45:"$T/deal-c6.wav" \
  0.75:"$T/deal-chord-c3.wav" 0.75:"$T/deal-chord-c5.wav" 0.77:"$T/deal-chord-e5.wav" \
  0.79:"$T/deal-chord-g5.wav" 0.81:"$T/deal-chord-c6.wav"
finish outcome-deal "$T/deal.wav" 2.50 -6

# outcome-walked: G4 -> D5 -> B4, then a soft C major chord: no win, no loss, a settled close.
note "$T/walk-g4.wav" 0.50 "$G4" 0 2.76
note "$T/walk-d5.wav" 0.50 "$D5" 0 2.76
note "$T/walk-b4.wav" 0.45 "$B4" 0 2.76
note "$T/walk-chord-c4.wav" 1.25 "$C4" 0 2.76
note "$T/walk-chord-e4.wav" 1.25 "$E4" -3 2.76
note "$T/walk-chord-g4.wav" 1.25 "$G4" -3 2.76
note "$T/walk-chord-c5.wav" 1.25 "$C5" -4 2.76
sequence "$T/walked.wav" \
  0:"$T/walk-g4.wav" 0.25:"$T/walk-d5.wav" 0.50:"$T/walk-b4.wav" \
  0.75:"$T/walk-chord-c4.wav" 0.78:"$T/walk-chord-e4.wav" 0.81:"$T/walk-chord-g4.wav" \
  0.84:"$T/walk-chord-c5.wav"
finish outcome-walked "$T/walked.wav" 2.00 -7

# outcome-lost: E5 D5 C5 falling onto A minor: disappointment, kept gentle.
note "$T/lost-e5.wav" 0.45 "$E5" 0 2.76
note "$T/lost-d5.wav" 0.45 "$D5" 0 2.76
note "$T/lost-c5.wav" 0.45 "$C5" 0 2.76
note "$T/lost-a4.wav" 1.10 "$A4" 0 2.76
note "$T/lost-chord-a3.wav" 1.10 "$A3" -1 2.76
note "$T/lost-chord-c4.wav" 1.10 "$C4" -4 2.76
note "$T/lost-chord-e4.wav" 1.10 "$E4" -4 2.76
sequence "$T/lost.wav" \
  0:"$T/lost-e5.wav" 0.30:"$T/lost-d5.wav" 0.60:"$T/lost-c5.wav" \
  0.90:"$T/lost-a4.wav" 0.90:"$T/lost-chord-a3.wav" 0.93:"$T/lost-chord-c4.wav" \
  0.96:"$T/lost-chord-e4.wav"
finish outcome-lost "$T/lost.wav" 2.00 -7

echo "make-audio: done ($(ls "$OUT" | wc -l) files in assets/audio/)"

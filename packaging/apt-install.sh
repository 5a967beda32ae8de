#!/usr/bin/env bash
# Install the Debian packages named as arguments that are missing (as root), or print the
# apt-get line to run (as another user). Used by `make run` and `make test`.
#
# Installing starts no service: the test tier starts its own libvirtd and sshd by PID, and a
# machine that did not run an SSH server before `make test` does not run one after it.
set -euo pipefail
missing=()
for package in "$@"; do
	dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed' \
		|| missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "kvmgui needs these Debian packages; run as root:"
	echo "  apt-get install -y ${missing[*]}"
	exit 1
fi
policy=/usr/sbin/policy-rc.d
own_policy=
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy"  # 101: action forbidden
	own_policy=1
fi
trap 'if [ -n "$own_policy" ]; then rm -f "$policy"; fi' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
for package in "${missing[@]}"; do
	if [ "$package" = openssh-server ]; then  # installed for the tests only: keep sshd off
		touch /etc/ssh/sshd_not_to_be_run
		if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
			systemctl disable --now ssh.service >/dev/null 2>&1 || true
		fi
	fi
done

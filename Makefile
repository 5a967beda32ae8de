# Two commands matter: `make run` and `make test`. Both install what is missing first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP_APT := $(VENV)/.apt-ok
STAMP_PIP := $(VENV)/.pip-ok

# `make run`: build the libvirt binding, show Qt windows, manage local VMs (libvirtd + QEMU).
APT_RUN := python3-venv libvirt-dev pkg-config gcc python3-dev \
	libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxkbcommon-x11-0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 \
	libvirt-daemon-system libvirt-daemon-driver-qemu libvirt-clients \
	qemu-system-x86 qemu-utils dnsmasq-base osinfo-db fonts-noto-cjk
# `make test` also: real X windows (Xvfb), desktop-file checks, the tiny test guest (busybox +
# cpio; its kernel is downloaded with apt-get download), and an sshd the suite starts itself.
APT_TEST := xvfb xauth desktop-file-utils appstream busybox-static cpio openssh-server
STAMP_APT_TEST := $(VENV)/.apt-test-ok

.PHONY: run test unit gui integration perf deps install uninstall screenshots translations clean

run: $(STAMP_PIP)
	$(VENV)/bin/kvmgui $(ARGS)

# Static checks first (each fails the target), then pytest, whose summary ends the output.
test: $(STAMP_PIP) $(STAMP_APT_TEST)
	$(VENV)/bin/ruff check kvmgui tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests $(PYTEST_ARGS)

unit: $(STAMP_PIP) $(STAMP_APT_TEST)
	$(PY) -m pytest tests/unit $(PYTEST_ARGS)

gui: $(STAMP_PIP) $(STAMP_APT_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/gui $(PYTEST_ARGS)

integration: $(STAMP_PIP) $(STAMP_APT_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/integration $(PYTEST_ARGS)

perf: $(STAMP_PIP) $(STAMP_APT_TEST)
	$(PY) tests/perf/bench_inventory.py

deps: $(STAMP_PIP)

$(STAMP_APT):
	packaging/apt-install.sh $(APT_RUN)
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@touch $@

$(STAMP_APT_TEST): $(STAMP_APT)
	packaging/apt-install.sh $(APT_TEST)
	@touch $@

$(STAMP_PIP): $(STAMP_APT) pyproject.toml
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

# Per-user install: venv in ~/.local/share/kvmgui, launcher in ~/.local/bin, XDG desktop files.
install: $(STAMP_APT)
	packaging/install-user.sh

uninstall:
	packaging/uninstall-user.sh

# Refresh resources/translations from the sources (then translate the new .ts entries).
translations: $(STAMP_PIP)
	$(PY) packaging/update_translations.py

# README screenshots of the demo host, light and dark (Qt offscreen).
screenshots: $(STAMP_PIP)
	packaging/screenshots.sh $(VENV)/bin/kvmgui docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info

"""Editor dialogs: domain, new-VM wizard, storage pool, volume and network (see install.py)."""

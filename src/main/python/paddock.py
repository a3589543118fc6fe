# dnf paddock: the paddock-client as a dnf 4 command, so sysadmins stay in dnf.
#
#   dnf paddock modules --verbose     the module streams that need an update, and the packages inside
#   dnf paddock list --security       the advisories, in updateinfo's words
#
# Installed as the README says: this file in dnf's plugin directory (python3 -c 'import dnf.const;
# print(dnf.const.PLUGINPATH)' tells where), paddock.conf in /etc/dnf/plugins/. The client reads the same root
# dnf works on (its rpmdb and modules.d) and the advisories paddock.conf names. The exit status is the client's:
# 100 when advisories apply, as dnf check-update.
import os
import subprocess

import dnf
import dnf.cli
import dnf.exceptions


class Paddock(dnf.Plugin):
    name = 'paddock'

    def __init__(self, base, cli):
        super(Paddock, self).__init__(base, cli)
        if cli is not None:
            cli.register_command(PaddockCommand)


class PaddockCommand(dnf.cli.Command):
    aliases = ('paddock',)
    summary = 'which advisories and module streams apply here (paddock-client)'

    @staticmethod
    def set_argparser(parser):
        parser.add_argument('client_args', nargs='*', metavar='ARGS',
                            help='the client command and its options: list, modules, summary, info ID')

    def configure(self):
        self.cli.demands.available_repos = False
        self.cli.demands.sack_activation = False

    def run(self):
        conf = self._plugin_conf()
        args = list(self.opts.client_args or ['modules'])
        # dnf takes -v/--verbose for itself, wherever it is written: hand it on to the client's modules
        if getattr(self.opts, 'verbose', False) and args[0] == 'modules' and '--verbose' not in args:
            args.append('--verbose')
        if args[0] == 'list':
            args += self._filters()
        # the client's own launcher sets the JVM for a short run; it runs the jar paddock.conf names
        env = dict(os.environ, PADDOCK_CLIENT_JAR=conf['jar'])
        if conf.get('java'):
            env['JAVA'] = conf['java']
        script = conf.get('client') or os.path.join(os.path.dirname(conf['jar']), 'paddock-client')
        if not os.path.isfile(script):
            raise dnf.exceptions.Error('paddock.conf: no paddock-client launcher at %s: put it next to the jar, '
                                       'or set client= to it' % script)
        command = ['sh', script] + args
        command += ['--root', self.base.conf.installroot]
        if conf.get('server'):
            command += ['--server', conf['server']]
            if conf.get('release'):
                command += ['--release', conf['release']]
            if conf.get('channel'):
                command += ['--channel', conf['channel']]
        elif conf.get('updateinfo'):
            command += ['--updateinfo', conf['updateinfo']]
        if conf.get('modules_yaml'):
            command += ['--modules-yaml', conf['modules_yaml']]
        if conf.get('cache'):
            command += ['--cache', conf['cache']]
        status = subprocess.call(command, env=env)
        if status == 100:
            self.cli.demands.success_exit_status = 100
        elif status != 0:
            raise dnf.exceptions.Error('paddock-client exited with %d' % status)

    def _filters(self):
        """dnf reads --security, --cve, --bz, --sec-severity … as its own options: hand them on to the client."""
        args = []
        for flag in ('security', 'bugfix', 'enhancement', 'newpackage'):
            if getattr(self.opts, flag, False):
                args.append('--' + flag)
        for dest, option in (('cves', '--cve'), ('bugzilla', '--bz'), ('severity', '--severity')):
            for value in getattr(self.opts, dest, None) or []:
                args += [option, value]
        return args

    def _plugin_conf(self):
        parser = Paddock.read_config(self.base.conf)
        conf = {}
        if parser.has_section('main'):
            for key in ('jar', 'client', 'java', 'server', 'release', 'channel', 'updateinfo', 'modules_yaml', 'cache'):
                if parser.has_option('main', key):
                    conf[key] = parser.get('main', key)
        if not conf.get('jar'):
            raise dnf.exceptions.Error('paddock.conf: set jar= to paddock-client.jar')
        if not conf.get('server') and not conf.get('updateinfo'):
            raise dnf.exceptions.Error('paddock.conf: set server= (a Paddock server) or updateinfo= (a file)')
        return conf

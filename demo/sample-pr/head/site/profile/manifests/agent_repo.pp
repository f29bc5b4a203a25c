# Package repository for the metrics agent on RedHat hosts.
class profile::agent_repo (
  String $mirror = 'https://mirror.example.com/agent/el8',
) {
  yumrepo { 'metrics-agent':
    descr    => 'Metrics agent',
    baseurl  => $mirror,
    enabled  => 1,
    gpgcheck => 0,
  }
}

# Installs the metrics agent on hosts managed with Chef.
remote_file '/tmp/metrics-agent.rpm' do
  source 'https://downloads.example.com/agent/metrics-agent-1.4.2.rpm'
  mode '0644'
end

execute 'relax SELinux for the agent' do
  command 'setenforce 0'
end

package 'metrics-agent' do
  source '/tmp/metrics-agent.rpm'
end
